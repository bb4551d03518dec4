package dev.simloop;

import dev.simloop.internal.Sneaky;
import org.apiguardian.api.API;

/**
 * A suspendable body of code, awaitable once (an asyncio coroutine object).
 *
 * <p>Creating a coroutine runs nothing: like calling an {@code async def} function in Python, it only makes the
 * object. It runs when it is {@linkplain Sim#await awaited} (inline, in the awaiting task, without a suspension of
 * its own) or when it is wrapped in a {@link Task}. A second await, or wrapping it twice, is an error that names it;
 * one created inside a running loop and never started is reported when that loop closes.
 *
 * <pre>{@code
 * Coroutine<String> fetch(String key) {          // a "coroutine function"
 *     return Coroutine.of("fetch " + key, () -> {
 *         sleep(Duration.ofMillis(10));
 *         return "value of " + key;
 *     });
 * }
 * }</pre>
 *
 * <p>Not thread-safe; it belongs to the loop that starts it.
 *
 * @param <T> the type of the result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Coroutine<T> implements Awaitable<T> {

    /** The body of a coroutine that returns a value. It may throw anything; {@code await} rethrows it unchanged. */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Body<T> {
        /**
         * Runs the coroutine.
         *
         * @return the result, may be null
         * @throws Exception any failure, handed to whoever awaits the coroutine
         */
        T call() throws Exception;
    }

    /** The body of a coroutine that returns nothing. */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface VoidBody {
        /**
         * Runs the coroutine.
         *
         * @throws Exception any failure, handed to whoever awaits the coroutine
         */
        void run() throws Exception;
    }

    private final String name;
    /** A {@link Body}, or a {@link VoidBody} kept as it is (no wrapper: a task's stack and heap stay smaller). */
    private final Object body;
    /** Whether {@link #body} is a {@link VoidBody}; a class may implement both interfaces. */
    private final boolean returnsNothing;
    /** The loop that tracks this coroutine as created-but-not-started, or null. */
    private EventLoop registeredIn;
    private boolean started;

    private Coroutine(String name, Object body, boolean returnsNothing) {
        if (body == null) {
            throw new NullPointerException("the coroutine's body must not be null");
        }
        this.name = name;
        this.body = body;
        this.returnsNothing = returnsNothing;
        EventLoop current = EventLoop.current();
        if (current != null) {
            registeredIn = current;
            current.coroutineCreated(this);
        }
    }

    /**
     * A coroutine that runs {@code body} when awaited or wrapped in a task.
     *
     * @param body the code, not null
     * @param <T> the result type
     * @return a coroutine that has not started
     */
    public static <T> Coroutine<T> of(Body<T> body) {
        return new Coroutine<>(null, body, false);
    }

    /**
     * A named coroutine; the name appears in error messages and becomes the default name of a task wrapping it.
     *
     * @param name the name, may be null for none (then as {@link #of(Body)}, as {@code createTask(null, ...)} takes
     *     a null name)
     * @param body the code, not null
     * @param <T> the result type
     * @return a coroutine that has not started
     */
    public static <T> Coroutine<T> of(String name, Body<T> body) {
        return new Coroutine<>(name, body, false);
    }

    /**
     * A coroutine with no result ({@code Coroutine<Void>}, whose await returns null).
     *
     * @param body the code, not null
     * @return a coroutine that has not started
     */
    public static Coroutine<Void> ofVoid(VoidBody body) {
        return new Coroutine<>(null, body, true);
    }

    /**
     * A named coroutine with no result.
     *
     * @param name the name, may be null for none
     * @param body the code, not null
     * @return a coroutine that has not started
     */
    public static Coroutine<Void> ofVoid(String name, VoidBody body) {
        return new Coroutine<>(name, body, true);
    }

    /** The name given at creation, or null. */
    public String name() {
        return name;
    }

    /** Whether it has been awaited or wrapped in a task. */
    public boolean isStarted() {
        return started;
    }

    /** Marks it consumed; the second call fails with a message that names it. */
    void start() {
        if (started) {
            throw new IllegalStateException(describe() + " was already awaited or wrapped in a task: a coroutine "
                    + "runs once. To await a result several times, wrap the coroutine in a task "
                    + "(createTask) and await the task.");
        }
        started = true;
        if (registeredIn != null) {
            registeredIn.coroutineStarted(this);
            registeredIn = null;
        }
    }

    /** Runs the body on the caller's stack: how {@code await(coroutine)} works. */
    T runInline() {
        start();
        try {
            return call();
        } catch (Exception e) {
            throw Sneaky.rethrow(e);
        }
    }

    /** Runs the body for a task, after {@link #start()}. */
    @SuppressWarnings("unchecked")
    T call() throws Exception {
        if (returnsNothing) {
            ((VoidBody) body).run();
            return null;
        }
        return ((Body<T>) body).call();
    }

    /** "coroutine 'name'" or "an unnamed coroutine". */
    String describe() {
        return name == null ? "an unnamed coroutine" : "coroutine '" + name + "'";
    }

    @Override
    public String toString() {
        return "Coroutine[" + (name == null ? "unnamed" : name) + (started ? ", started]" : "]");
    }
}

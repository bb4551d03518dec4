package dev.simloop;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A low-level awaitable result, resolved by callbacks (asyncio's {@code Future}).
 *
 * <p>Made by {@link EventLoop#createFuture()}; belongs to that loop. Awaiting a pending future suspends the awaiting
 * task until {@link #setResult}, {@link #setException} or {@link #cancel()}; awaiting a done one returns at once,
 * without a suspension. Use it on the loop's thread only.
 *
 * @param <T> the type of the result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimFuture<T> extends FutureBase<T> {

    private final String name;
    /** What cancel does instead of cancelling this future at once, or null; see {@link #onCancel}. */
    private Predicate<String> onCancel;
    /**
     * The primitive this future is a waiter of (a lock, a queue, ...), or null: the task it wakes goes on to operate
     * on that primitive, which policies treat as its shared resource ({@link Handle#resource}).
     */
    Object resource;
    /** Whether this is a primitive's waiter: then its name says what is waited on ("lock"), and no future shows. */
    boolean primitiveWait;

    SimFuture(EventLoop loop, String name) {
        super(loop);
        this.name = name;
    }

    /** The future's name, as given or numbered by its loop ("Future-3"). */
    public String name() {
        return name;
    }

    /**
     * Completes the future with a value and schedules its done-callbacks.
     *
     * @param value the result, may be null
     * @throws InvalidStateException if it is already done
     */
    public void setResult(T value) {
        loop.checkThread();
        if (!completeWithResult(value)) {
            throw alreadyDone("setResult");
        }
    }

    /**
     * Completes the future with a failure and schedules its done-callbacks; awaiting it throws {@code exception}.
     *
     * <p>A {@link CancelledException} is taken as any other failure, as CPython's {@code set_exception} takes a
     * {@code CancelledError}: the future is then done but not {@linkplain #isCancelled() cancelled}, {@link
     * #exception()} returns it, and awaiting it throws it (so an awaiting task that lets it escape ends cancelled).
     * {@code gather} ends this way when a child was cancelled. To cancel the future itself, call {@link #cancel()}.
     *
     * @param exception the failure, not null
     * @throws InvalidStateException if it is already done
     */
    public void setException(Throwable exception) {
        loop.checkThread();
        if (exception == null) {
            throw new NullPointerException("the exception must not be null");
        }
        if (!completeWithException(exception)) {
            throw alreadyDone("setException");
        }
    }

    /**
     * Cancels the future: those awaiting it get a {@link CancelledException}.
     *
     * @return false if it was already done, true otherwise
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future with a message carried by the {@link CancelledException} its awaiters get.
     *
     * @param message the message, may be null
     * @return false if it was already done, true otherwise
     */
    public boolean cancel(String message) {
        loop.checkThread();
        return onCancel != null ? onCancel.test(message) : completeCancelled(message);
    }

    /**
     * Replaces what {@link #cancel(String)} does, for a future that stands for other work ({@code gather} cancels
     * its children and completes later); null for the plain behaviour. Set once, before anyone can cancel it.
     */
    void onCancel(Predicate<String> handler) {
        this.onCancel = handler;
    }

    /** Completes as cancelled, bypassing {@link #onCancel}: for the owner of a future whose cancel is replaced. */
    boolean cancelDirectly(String message) {
        return completeCancelled(message);
    }

    /**
     * Adds a callback that runs, through {@code callSoon}, once the future is done; at once (through
     * {@code callSoon}) if it is done already. Callbacks run in the order they were added.
     *
     * @param callback receives this future, not null
     */
    @SuppressWarnings("unchecked")
    public void addDoneCallback(Consumer<? super SimFuture<T>> callback) {
        addCallback((Consumer<Object>) (Consumer<?>) callback);
    }

    /**
     * Removes every registration of {@code callback}.
     *
     * @param callback the callback as it was added
     * @return how many registrations were removed
     */
    public int removeDoneCallback(Consumer<? super SimFuture<T>> callback) {
        return removeCallback(java.util.Objects.requireNonNull(callback, "callback"));
    }

    private InvalidStateException alreadyDone(String operation) {
        return new InvalidStateException(operation + " on " + describe() + ", which is already "
                + (isCancelled() ? "cancelled" : "done") + ": a future completes once. Check isDone() first.");
    }

    @Override
    String describe() {
        return primitiveWait ? name : "future '" + name + "'";
    }

    @Override
    public String toString() {
        return "SimFuture[" + name + (isCancelled() ? ", cancelled]" : isDone() ? ", done]" : ", pending]");
    }
}

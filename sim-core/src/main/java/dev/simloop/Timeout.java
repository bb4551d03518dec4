package dev.simloop;

import dev.simloop.internal.Sneaky;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A scope that cancels the current task when a virtual-time deadline passes and then throws
 * {@link SimTimeoutException} from the scope (asyncio's {@code asyncio.timeout} / {@code timeout_at}).
 *
 * <pre>{@code
 * String reply = timeout(Duration.ofSeconds(5)).call(() -> await(fetch()));   // Sim.timeout, static import
 * }</pre>
 *
 * <p><b>Why a lambda and not try-with-resources.</b> asyncio's {@code async with timeout(...)} sees the body's
 * exception on exit and replaces the {@link CancelledException} its own expiry caused with a {@code TimeoutError}.
 * Java's {@code close()} cannot see or replace the body's exception (docs/decisions.md, "Scopes in Java"): with
 * try-with-resources the caller would get a bare {@link CancelledException}, which looks like a cancel of the
 * caller, unless every caller converted it in a catch clause of their own; a forgotten catch silently changes the
 * outcome. {@link #call} and {@link #run} take the body as a lambda, so exit sees the outcome and gives asyncio's
 * result every time. The object itself stays available to the body (and after the scope) for {@link #when()},
 * {@link #reschedule} and {@link #expired()}.
 *
 * <p>Outcomes, as in CPython 3.13: on expiry the task is cancelled (a plain {@code cancel()}, counted in
 * {@link Task#cancelling()}). Leaving the scope takes that request back with {@link Task#uncancel()}; if then no
 * other cancel request is outstanding than those already there when the scope was entered, a
 * {@link CancelledException} leaving the body becomes a {@link SimTimeoutException} (the cancellation as its cause).
 * If someone else also cancelled the task, the {@link CancelledException} passes through unchanged; an outer scope
 * whose deadline also passed converts it in turn. A body that catches the cancellation and returns normally returns
 * its value, and {@link #expired()} is true. A deadline already past when the scope is entered lets the body run
 * until its first suspension, where the cancellation arrives.
 *
 * <p>Timeouts with equal deadlines fire in the order they were scheduled (entered or rescheduled), as the loop's
 * timers do. Use it on the loop's thread, in one task; a {@code Timeout} is entered once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Timeout {

    /** asyncio's states; the lower-case names appear in messages. */
    private enum State { CREATED, ENTERED, EXPIRING, EXPIRED, FINISHED }

    /** The deadline, or null for none. */
    private LoopInstant when;
    private State state = State.CREATED;
    private Handle handler;
    private Task<?> task;
    /** The task's {@link Task#cancelling()} when the scope was entered: requests above it are not ours. */
    private int cancellingAtEntry;

    private Timeout(LoopInstant when) {
        this.when = when;
    }

    /** {@link Sim#timeout(Duration)}. */
    static Timeout after(Duration delay) {
        if (delay == null) {
            return new Timeout(null);
        }
        EventLoop loop = Sim.currentLoop();
        return new Timeout(loop.now().plus(delay));
    }

    /** {@link Sim#timeoutAt(LoopInstant)}. */
    static Timeout at(LoopInstant when) {
        return new Timeout(when);
    }

    /**
     * Enters the scope, runs {@code body} in the current task, and leaves the scope.
     *
     * @param body the code, not null
     * @param <T> the result type
     * @return what the body returned
     * @throws SimTimeoutException if this scope's expiry cancelled the body
     */
    public <T> T call(Coroutine.Body<T> body) {
        Objects.requireNonNull(body, "body");
        enter();
        T result;
        try {
            result = body.call();
        } catch (Task.Unwind closing) {
            throw closing; // the loop is closing: nothing to convert, and no task to uncancel
        } catch (Throwable t) {
            throw Sneaky.rethrow(exit(t));
        }
        exit(null);
        return result;
    }

    /**
     * Like {@link #call}, for a body without a result.
     *
     * @param body the code, not null
     * @throws SimTimeoutException if this scope's expiry cancelled the body
     */
    public void run(Coroutine.VoidBody body) {
        Objects.requireNonNull(body, "body");
        call(() -> {
            body.run();
            return null;
        });
    }

    /**
     * The deadline, or null if there is none.
     *
     * @return the deadline, may be null
     */
    public LoopInstant when() {
        return when;
    }

    /** Whether the deadline passed and cancelled the task (true from expiry on, also after the scope ended). */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /**
     * Moves the deadline; a time already past makes the scope expire in the next loop iteration.
     *
     * @param newWhen the new deadline ({@code when().plus(Duration.ofSeconds(3))}), may be null to remove it
     * @throws IllegalStateException if the scope is not running (not entered yet, expiring, expired, finished)
     */
    public void reschedule(LoopInstant newWhen) {
        if (state != State.ENTERED) {
            throw new IllegalStateException(state == State.CREATED
                    ? "This Timeout has not been entered: reschedule it from inside call(...) or run(...)."
                    : "Cannot reschedule a Timeout that is " + state.name().toLowerCase(java.util.Locale.ROOT)
                            + ": its deadline already passed or its scope ended.");
        }
        when = newWhen;
        if (handler != null) {
            handler.cancel();
            handler = null;
        }
        if (newWhen != null) {
            EventLoop loop = task.loop;
            handler = newWhen.nanos() <= loop.time() ? loop.callSoon(this::onTimeout)
                    : loop.callAt(newWhen.nanos(), this::onTimeout);
        }
    }

    private void enter() {
        if (state != State.CREATED) {
            throw new IllegalStateException("This Timeout was already entered: a Timeout runs one scope. Create a "
                    + "new one with timeout(...) or timeoutAt(...).");
        }
        task = Sim.currentTask();
        state = State.ENTERED;
        cancellingAtEntry = task.cancelling();
        reschedule(when);
    }

    private void onTimeout() {
        task.cancel();
        state = State.EXPIRING;
        handler = null;
    }

    /** asyncio's {@code __aexit__}: returns what leaves the scope, {@code body} or a timeout exception (or null). */
    private Throwable exit(Throwable body) {
        if (handler != null) {
            handler.cancel();
            handler = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && body != null) {
                if (body instanceof CancelledException c) {
                    return timedOut(c);
                }
                // As asyncio inserts its TimeoutError into the context chain: another failure that ended the body
                // after the expiry says that the deadline had passed.
                body.addSuppressed(timedOut(null));
                if (body instanceof TaskGroupException g) {
                    for (Throwable each : g.exceptions()) {
                        each.addSuppressed(timedOut(null));
                    }
                }
            }
        } else if (state == State.ENTERED) {
            state = State.FINISHED;
        }
        return body;
    }

    private SimTimeoutException timedOut(CancelledException cause) {
        return new SimTimeoutException("Timed out: the deadline at " + when + " of virtual time "
                + "passed and cancelled the body of this Timeout scope. Give it a later deadline, or make the work "
                + "finish sooner in virtual time.", cause);
    }
}

package dev.simloop;

import dev.simloop.internal.Sneaky;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What {@link SimFuture} and {@link Task} share: the state machine of asyncio's {@code Future}.
 *
 * <p>Pending, then exactly once either finished (with a result or an exception) or cancelled. Completion schedules
 * every done-callback with {@code callSoon}, in registration order; a callback added to a done future is scheduled
 * at once. An exception that is set but never retrieved (by {@code result()}, {@code exception()} or an await) is
 * reported when the loop closes.
 */
abstract sealed class FutureBase<T> implements FutureLike<T> permits SimFuture, Task {

    private static final byte PENDING = 0;
    private static final byte FINISHED = 1;
    private static final byte CANCELLED = 2;

    final EventLoop loop;
    private byte state = PENDING;
    private T result;
    private Throwable exception;
    private String cancelMessage;
    /** Set with an exception and cleared when somebody retrieves it; reported at close while set. */
    private boolean exceptionUnretrieved;
    /** Done-callbacks in registration order: null, one {@link Consumer}, or an {@link ArrayList} of them. */
    private Object callbacks;

    FutureBase(EventLoop loop) {
        this.loop = loop;
    }

    /** Whether it has a result, an exception, or was cancelled. */
    public final boolean isDone() {
        return state != PENDING;
    }

    /** Whether it was cancelled. */
    public final boolean isCancelled() {
        return state == CANCELLED;
    }

    /**
     * The result. Rethrows the exception it failed with, unchanged (checked ones too, as {@code await} does); throws
     * {@link CancelledException} if it was cancelled, and {@link InvalidStateException} if it is not done yet.
     *
     * @return the result, may be null
     */
    public final T result() {
        loop.checkThread();
        if (state == CANCELLED) {
            throw new CancelledException(cancelMessage);
        }
        if (state == PENDING) {
            throw new InvalidStateException(describe() + " has no result yet: it is still pending. Await it, "
                    + "or check isDone() first.");
        }
        if (exception != null) {
            retrieved();
            throw Sneaky.rethrow(exception);
        }
        return result;
    }

    /**
     * The exception it failed with, or null if it has a result. Throws {@link CancelledException} if it was
     * cancelled and {@link InvalidStateException} if it is not done yet.
     *
     * @return the exception, may be null
     */
    public final Throwable exception() {
        loop.checkThread();
        if (state == CANCELLED) {
            throw new CancelledException(cancelMessage);
        }
        if (state == PENDING) {
            throw new InvalidStateException(describe() + " has no exception yet: it is still pending.");
        }
        retrieved();
        return exception;
    }

    /**
     * A {@link CompletableFuture} that completes with this one's outcome, for code outside the loop: at once if this
     * is done, else when its done-callbacks run. Cancelling the returned future cancels this one (on the loop's
     * thread); a failure handed to it counts as retrieved.
     *
     * @return a new CompletableFuture
     */
    public final CompletableFuture<T> toCompletableFuture() {
        loop.checkThread();
        return CompletionStages.toCompletableFuture(this);
    }

    /** Name and state, for messages: "task 'worker'", "future 'reply'". */
    abstract String describe();

    final void addCallback(Consumer<Object> callback) {
        loop.checkThread();
        if (callback == null) {
            throw new NullPointerException("the done-callback must not be null");
        }
        if (state != PENDING) {
            scheduleCallback(callback);
            return;
        }
        append(callback);
    }

    /** Removes every registration of {@code callback}; returns how many were removed. */
    final int removeCallback(Object callback) {
        loop.checkThread();
        if (callbacks == null) {
            return 0;
        }
        if (callbacks == callback) {
            callbacks = null;
            return 1;
        }
        if (callbacks instanceof ArrayList<?> list) {
            int before = list.size();
            list.removeIf(c -> c == callback);
            return before - list.size();
        }
        return 0;
    }

    final boolean completeWithResult(T value) {
        if (state != PENDING) {
            return false;
        }
        result = value;
        state = FINISHED;
        scheduleCallbacks();
        return true;
    }

    final boolean completeWithException(Throwable t) {
        if (state != PENDING) {
            return false;
        }
        exception = t;
        exceptionUnretrieved = true;
        state = FINISHED;
        loop.exceptionSet(this);
        scheduleCallbacks();
        return true;
    }

    final boolean completeCancelled(String message) {
        if (state != PENDING) {
            return false;
        }
        cancelMessage = message;
        state = CANCELLED;
        scheduleCallbacks();
        return true;
    }

    @Override
    public final String cancelMessage() {
        loop.checkThread();
        if (state != CANCELLED) {
            throw new InvalidStateException(describe() + " has no cancel message: it is "
                    + (state == PENDING ? "still pending" : "done without being cancelled") + ". Check isCancelled() "
                    + "first.");
        }
        return cancelMessage;
    }

    /** The raw outcome for an awaiting task, marking an exception retrieved: null or the throwable to throw. */
    final Throwable failureForAwait() {
        if (state == CANCELLED) {
            return new CancelledException(cancelMessage);
        }
        if (exception != null) {
            retrieved();
        }
        return exception;
    }

    /** The raw result; only after {@link #failureForAwait()} returned null. */
    final T resultForAwait() {
        return result;
    }

    /** The exception, without marking it retrieved (for reports). */
    final Throwable peekException() {
        return exception;
    }

    private void retrieved() {
        if (exceptionUnretrieved) {
            exceptionUnretrieved = false;
            loop.exceptionRetrieved(this);
        }
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        callbacks = null;
        if (cbs == null) {
            return;
        }
        if (cbs instanceof ArrayList<?> list) {
            for (Object cb : list) {
                scheduleCallback(cb);
            }
        } else {
            scheduleCallback(cbs);
        }
    }

    private void scheduleCallback(Object cb) {
        if (cb instanceof Task<?> waiter) {
            loop.scheduleWakeup(waiter, this);
        } else {
            @SuppressWarnings("unchecked")
            Consumer<Object> c = (Consumer<Object>) cb;
            loop.callSoonInternal(() -> c.accept(this), loop.inBackground());
        }
    }

    /** Registers a task that awaits this future: it wakes up through the same callback list, in order. */
    final void addWaiter(Task<?> waiter) {
        append(waiter);
    }

    private void append(Object callback) {
        if (callbacks == null) {
            callbacks = callback;
        } else if (callbacks instanceof ArrayList<?> list) {
            @SuppressWarnings("unchecked")
            ArrayList<Object> l = (ArrayList<Object>) list;
            l.add(callback);
        } else {
            ArrayList<Object> l = new ArrayList<>(4);
            l.add(callbacks);
            l.add(callback);
            callbacks = l;
        }
    }
}

package dev.simloop.sync;

import dev.simloop.CancelledException;
import dev.simloop.SimFuture;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * A condition variable for tasks, bound to a {@link Lock} (asyncio's {@code Condition}), as in CPython 3.13.
 *
 * <p>Names: asyncio's {@code wait()}, {@code notify(n)} and {@code notify_all()} are {@link #await()},
 * {@link #signal(int)} and {@link #signalAll()} here, as in {@code java.util.concurrent.locks.Condition}, because
 * {@code Object.wait()}, {@code notify()} and {@code notifyAll()} are final.
 *
 * <p>{@link #await()} releases the lock, waits to be signalled, and re-acquires the lock before it returns or
 * throws, even when it is cancelled. A signalled waiter that fails to return normally (cancelled while waiting for
 * the lock, for instance) passes one signal on to the next waiter, so no wake-up is lost; waiters are woken in the
 * order they started waiting. Not thread-safe: use it from the tasks of one loop.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Condition {

    /** The loop this waits on; bound at the first wait. */
    private final LoopBound bound = new LoopBound();

    private final Lock lock;
    private final ArrayDeque<SimFuture<Void>> waiters = new ArrayDeque<>();

    /** A condition with a new lock of its own. */
    public Condition() {
        this(null);
    }

    /**
     * A condition bound to {@code lock}.
     *
     * @param lock the lock, may be null for a new one
     */
    public Condition(Lock lock) {
        this.lock = lock != null ? lock : new Lock();
    }

    /** Whether the underlying lock is held. */
    public boolean locked() {
        return lock.locked();
    }

    /** Takes the underlying lock; see {@link Lock#acquire()}. */
    public void acquire() {
        lock.acquire();
    }

    /** Releases the underlying lock; see {@link Lock#release()}. */
    public void release() {
        lock.release();
    }

    /**
     * Releases the lock, waits until signalled, and re-acquires the lock (also when cancelled, before the
     * {@link CancelledException} leaves). Like asyncio's, it may return spuriously: re-check your condition.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void await() {
        if (!locked()) {
            throw new IllegalStateException("await() on a Condition whose lock is not acquired: call acquire() "
                    + "first, and release() after.");
        }
        SimFuture<Void> f = bound.newWaiter(this, "condition");
        release();
        try {
            try {
                LoopBound.awaitInLine(waiters, f);
            } finally {
                if (!bound.loopClosed()) { // a closing loop unwinds the task: nothing can be awaited any more
                    reacquire();
                }
            }
        } catch (Throwable t) {
            wake(1); // it may have been signalled: hand the signal to another waiter
            throw t;
        }
    }

    /** Takes the lock back after a wait, retrying through cancellations; then rethrows the last of them. */
    private void reacquire() {
        CancelledException last = null;
        while (true) {
            try {
                lock.acquire();
                break;
            } catch (CancelledException e) {
                last = e; // the lock must be held again before anything leaves
            }
        }
        if (last != null) {
            throw last;
        }
    }

    /**
     * Awaits until {@code predicate} is true, checking it first and after every wake-up.
     *
     * @param predicate the condition, not null; evaluated with the lock held
     * @throws IllegalStateException if the lock is not held when it must wait
     */
    public void waitFor(BooleanSupplier predicate) {
        while (!predicate.getAsBoolean()) {
            await();
        }
    }

    /** Wakes one waiting task; see {@link #signal(int)}. */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks, oldest first (asyncio's {@code notify(n)}). They return from
     * {@link #await()} once they get the lock, which the caller still holds.
     *
     * @param n how many at most
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        bound.checkThread();
        if (!locked()) {
            throw new IllegalStateException("signal() on a Condition whose lock is not acquired: acquire() the lock "
                    + "before signalling, as asyncio's notify requires.");
        }
        wake(n);
    }

    /** Wakes every waiting task (asyncio's {@code notify_all()}). @throws IllegalStateException if not locked */
    public void signalAll() {
        signal(waiters.size());
    }

    private void wake(int n) {
        int woken = 0;
        for (SimFuture<Void> f : waiters) {
            if (woken >= n) {
                break;
            }
            if (!f.isDone()) {
                woken++;
                f.setResult(null);
            }
        }
    }
}

package dev.simloop.sync;

import dev.simloop.CancelledException;
import dev.simloop.SimFuture;
import java.util.ArrayDeque;
import org.apiguardian.api.API;

/**
 * A mutual-exclusion lock for tasks (asyncio's {@code Lock}), fair as in CPython 3.13.
 *
 * <p>No barging: while tasks wait, a newcomer queues behind them even if the lock is momentarily free. A release
 * wakes the first waiter, which takes the lock when it runs; if it is cancelled before that, it passes the wake-up
 * to the next waiter, so no wake-up is lost. The lock has no owner: any task may release it, as in asyncio. Not
 * thread-safe: use it from the tasks of one loop.
 *
 * <pre>{@code
 * lock.acquire();
 * try { ... } finally { lock.release(); }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Lock {

    /** The loop this waits on; bound at the first wait. */
    private final LoopBound bound = new LoopBound();

    /** Futures of waiting tasks in arrival order; a waiter removes its own when it resumes. */
    private final ArrayDeque<SimFuture<Void>> waiters = new ArrayDeque<>();
    private boolean locked;

    /** A new lock, not held. */
    public Lock() {}

    /** Whether the lock is held. */
    public boolean locked() {
        return locked;
    }

    /**
     * Takes the lock, first waiting behind the tasks already waiting; returns without suspending only if the lock
     * is free and nobody waits.
     */
    public void acquire() {
        if (!locked && allCancelled()) {
            locked = true;
            return;
        }
        SimFuture<Void> f = bound.newWaiter(this, "lock");
        try {
            LoopBound.awaitInLine(waiters, f);
        } catch (CancelledException e) {
            if (!locked) {
                wakeUpFirst(); // it may have been woken for the lock it will not take: pass it on
            }
            throw e;
        }
        locked = true;
    }

    /**
     * Releases the lock and wakes the first waiting task.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void release() {
        bound.checkThread();
        if (!locked) {
            throw new IllegalStateException("release() of a Lock that is not acquired: release only after a "
                    + "successful acquire(), once.");
        }
        locked = false;
        wakeUpFirst();
    }

    private boolean allCancelled() {
        for (SimFuture<Void> w : waiters) {
            if (!w.isCancelled()) {
                return false;
            }
        }
        return true;
    }

    private void wakeUpFirst() {
        SimFuture<Void> first = waiters.peekFirst();
        if (first != null) {
            LoopBound.release(first);
        }
    }
}

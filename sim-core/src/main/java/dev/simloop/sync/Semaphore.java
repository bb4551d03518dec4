package dev.simloop.sync;

import dev.simloop.CancelledException;
import dev.simloop.SimFuture;
import java.util.ArrayDeque;
import org.apiguardian.api.API;

/**
 * A counter of permits for tasks (asyncio's {@code Semaphore}), first-in first-out as in CPython 3.13.
 *
 * <p>{@link #acquire()} takes a permit, waiting while none is free or while other tasks wait before it (no
 * barging). {@link #release()} returns one and wakes the first waiter; a woken waiter that is cancelled before it
 * runs gives its permit back, and the next waiter is woken. Not thread-safe: use it from the tasks of one loop.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class Semaphore {

    /** The loop this waits on; bound at the first wait. */
    final LoopBound bound = new LoopBound();

    private final ArrayDeque<SimFuture<Void>> waiters = new ArrayDeque<>();
    /** Free permits; a woken waiter's permit is already taken off when it is woken. */
    int value;

    /**
     * A semaphore with {@code value} permits.
     *
     * @param value the initial number of permits, zero or more
     * @throws IllegalArgumentException if negative
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a Semaphore's initial value must be >= 0, was " + value + ".");
        }
        this.value = value;
    }

    /** Whether {@link #acquire()} would wait: no permit is free, or tasks are already waiting. */
    public boolean locked() {
        if (value == 0) {
            return true;
        }
        for (SimFuture<Void> w : waiters) {
            if (!w.isCancelled()) {
                return true;
            }
        }
        return false;
    }

    /** Takes a permit, waiting in line if none is free or others wait. */
    public void acquire() {
        if (!locked()) {
            value--;
            return;
        }
        SimFuture<Void> f = bound.newWaiter(this, getClass() == BoundedSemaphore.class ? "bounded semaphore" : "semaphore");
        try {
            LoopBound.awaitInLine(waiters, f);
        } catch (CancelledException e) {
            if (f.isDone() && !f.isCancelled()) {
                value++; // woken with a permit it will not use: give it back
            }
            throw e;
        } finally {
            while (value > 0 && wakeUpNext()) {
                // wake as many newer waiters as there are free permits
            }
        }
    }

    /** Returns a permit and wakes the first waiting task. */
    public void release() {
        bound.checkThread();
        value++;
        wakeUpNext();
    }

    private boolean wakeUpNext() {
        for (SimFuture<Void> f : waiters) {
            if (!f.isDone()) {
                value--;
                f.setResult(null);
                return true;
            }
        }
        return false;
    }
}

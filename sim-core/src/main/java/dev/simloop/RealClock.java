package dev.simloop;

import java.util.Queue;
import java.util.concurrent.locks.LockSupport;

/**
 * Real time for a loop in production: {@link System#nanoTime()} since the loop was built, and a wait for the next
 * deadline that work handed over by another thread ends early.
 *
 * <h2>The wake-up protocol (no missed wake-up, no busy wait)</h2>
 * The waiting thread publishes itself in the volatile {@link #sleeper} and only then looks at the inbox; a producer
 * adds to the inbox (a {@code ConcurrentLinkedQueue}, whose insertion is a volatile write) and only then reads
 * {@link #sleeper} and unparks it. Both orders are sequentially consistent, so either the waiter sees the work, or the
 * producer sees the waiter and unparks it; an unpark that comes before the park leaves a permit, and the park returns
 * at once. A stale permit costs one spurious return, which the loop treats as "look again" (every park in simloop
 * re-checks its condition in a loop, the baton strand's too). The thread that waits is
 * whichever runs the loop's iterations (the caller, or the baton strand's virtual driver thread).
 */
final class RealClock implements LoopClock {

    private final long origin = System.nanoTime();
    /** The handed-over work that ends a wait; the loop's inbox. */
    private final Queue<Runnable> inbox;
    /** The thread parked in {@link #advanceTo}, or null: what {@link #wakeUp()} unparks. */
    private volatile Thread sleeper;
    /** The largest time returned so far: {@link #now()} never goes backwards. */
    private long last;

    RealClock(Queue<Runnable> inbox) {
        this.inbox = inbox;
    }

    @Override
    public long now() {
        long t = System.nanoTime() - origin;
        if (t > last) {
            last = t;
        }
        return last;
    }

    @Override
    public void advanceTo(long deadline) {
        long wait = deadline - now();
        if (wait <= 0) {
            return;
        }
        sleeper = Thread.currentThread();
        try {
            if (!inbox.isEmpty()) {
                return;
            }
            if (deadline == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, wait);
            }
        } finally {
            sleeper = null;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("The thread of a real-time event loop was interrupted while the loop "
                    + "waited for work (the interrupt stays set). Stop a loop with stopThreadsafe() instead.");
        }
    }

    @Override
    public boolean waitsForOtherThreads() {
        return true;
    }

    @Override
    public void wakeUp() {
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}

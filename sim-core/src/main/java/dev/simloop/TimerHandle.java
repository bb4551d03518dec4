package dev.simloop;

import org.apiguardian.api.API;

/**
 * A callback scheduled for a virtual time ({@code callLater}, {@code callAt}); cancelling it removes it from the
 * loop's timer queue at once (O(log n)).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TimerHandle extends Handle {

    /** The virtual time, in nanoseconds, at which the callback is due. */
    final long when;
    /**
     * The loop-wide creation number. Timers due at the same instant run in this order, so that equal deadlines have
     * one order and it is the order in which they were scheduled (as CPython's heap of (when, seq) does).
     */
    final long sequence;
    /** Position in the timer heap, or -1 when not in it (fired or cancelled). */
    int heapIndex = -1;

    TimerHandle(EventLoop loop, Runnable callback, boolean background, long when, long sequence) {
        super(loop, callback, background);
        this.when = when;
        this.sequence = sequence;
    }

    /** The virtual time, in nanoseconds since the loop's start, at which this callback is due. */
    public long when() {
        return when;
    }
}

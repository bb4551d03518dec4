package dev.simloop.sync;

import org.apiguardian.api.API;

/**
 * A meeting point for a fixed number of tasks (asyncio's {@code Barrier}): {@link #await()} returns in every task
 * once {@code parties} of them are waiting.
 *
 * <p>{@link #reset()} and {@link #abort()} break the waiting tasks out with {@link BarrierBrokenException}; after
 * {@link #abort()} the barrier stays broken. asyncio's {@code wait()} is called {@code await()} here, as in
 * {@code java.util.concurrent.CyclicBarrier}. Not thread-safe: use it from the tasks of one loop.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Barrier {

    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final Condition cond = new Condition();
    private final int parties;
    private State state = State.FILLING;
    /** Tasks inside {@link #await()} past the entry check. */
    private int count;

    /**
     * A barrier for {@code parties} tasks.
     *
     * @param parties how many tasks must wait to release them all, one or more
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a Barrier needs parties >= 1, was " + parties + ".");
        }
        this.parties = parties;
    }

    /**
     * Waits until {@code parties} tasks wait, then returns in all of them.
     *
     * @return this task's arrival index, from 0 to {@code parties - 1}
     * @throws BarrierBrokenException if the barrier is broken, or reset or aborted while this task waits
     */
    public int await() {
        cond.acquire();
        try {
            cond.waitFor(() -> state != State.DRAINING && state != State.RESETTING);
            if (state == State.BROKEN) {
                throw new BarrierBrokenException("Barrier aborted: await() on a broken barrier. Call reset() to "
                        + "use it again.");
            }
            int index = count++;
            try {
                if (index + 1 == parties) {
                    state = State.DRAINING;
                    cond.signalAll();
                } else {
                    cond.waitFor(() -> state != State.FILLING);
                    if (state == State.BROKEN || state == State.RESETTING) {
                        throw new BarrierBrokenException("Barrier " + state.name().toLowerCase(java.util.Locale.ROOT)
                                + " while this task waited at it (abort() or reset() was called). After a reset, "
                                + "await() again; after an abort, give up or reset() it first.");
                    }
                }
                return index;
            } finally {
                count--;
                if (count == 0) {
                    if (state == State.RESETTING || state == State.DRAINING) {
                        state = State.FILLING;
                    }
                    cond.signalAll();
                }
            }
        } finally {
            cond.release();
        }
    }

    /** Returns the barrier to its empty state; tasks waiting now get {@link BarrierBrokenException}. */
    public void reset() {
        cond.acquire();
        try {
            state = count > 0 ? State.RESETTING : State.FILLING;
            cond.signalAll();
        } finally {
            cond.release();
        }
    }

    /** Breaks the barrier for good: waiting and future callers of {@link #await()} get {@link BarrierBrokenException}. */
    public void abort() {
        cond.acquire();
        try {
            state = State.BROKEN;
            cond.signalAll();
        } finally {
            cond.release();
        }
    }

    /** How many tasks must wait to release them. */
    public int parties() {
        return parties;
    }

    /** How many tasks wait for the barrier to fill (0 while it drains or resets). */
    public int waiting() {
        return state == State.FILLING ? count : 0;
    }

    /** Whether {@link #abort()} broke the barrier. */
    public boolean isBroken() {
        return state == State.BROKEN;
    }
}

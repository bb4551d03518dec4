package dev.simloop;

/**
 * The loop's source of time, in nanoseconds since the loop started: the seam between the virtual clock of a
 * simulation and the real clock of production.
 *
 * <p>The loop asks it for the time and, when nothing is ready, to move on to the next timer's deadline: the virtual
 * clock jumps there at once; the real clock waits until then, or until another thread hands the loop work
 * ({@link #wakeUp()}).
 */
interface LoopClock {

    /** The current time; never less than any value returned before. */
    long now();

    /**
     * Moves time on to {@code deadline} (no earlier than now): the loop has nothing to do until then. The virtual
     * clock jumps; the real clock waits, and may return earlier when {@link #wakeUp()} is called (the caller looks
     * for handed-over work and asks again).
     */
    void advanceTo(long deadline);

    /**
     * Whether a loop with nothing scheduled waits for other threads (the real clock) instead of having run out of
     * work (the virtual clock, whose world is closed).
     */
    default boolean waitsForOtherThreads() {
        return false;
    }

    /** Another thread handed over work: end a wait in {@link #advanceTo} early. Any thread. */
    default void wakeUp() {}
}

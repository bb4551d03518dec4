package dev.simloop;

/**
 * The loop's source of time, in nanoseconds since the loop started: the seam between the virtual clock of a
 * simulation and a real clock for production.
 *
 * <p>The loop asks it for the time and, when nothing is ready, to move on to the next timer's deadline: the virtual
 * clock jumps there at once; a real clock would wait until then (or until another thread hands over work).
 */
interface LoopClock {

    /** The current time; never less than any value returned before. */
    long now();

    /** Moves time on to {@code deadline} (no earlier than now): the loop has nothing to do until then. */
    void advanceTo(long deadline);
}

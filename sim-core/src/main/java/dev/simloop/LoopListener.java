package dev.simloop;

import org.apiguardian.api.API;

/**
 * Told what a loop does, as it does it: the hook traces are built on.
 *
 * <p>Called on the loop's thread (or the thread standing in for it), synchronously, in event order. The current
 * virtual time is {@link EventLoop#time()} and the step number {@link EventLoop#stepCount()}. A listener must not
 * call back into the loop to schedule work. With no listener installed the loop does not pay for these calls.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface LoopListener {

    /** A task was created; its first step is scheduled. */
    default void taskCreated(Task<?> task) {}

    /** A task's body starts (its first step). */
    default void taskStarted(Task<?> task) {}

    /**
     * A task's body suspends.
     *
     * @param task the task
     * @param on what it waits on: the awaited {@link Task} or {@link SimFuture}, or a {@link java.time.Duration} for
     *     a sleep ({@link java.time.Duration#ZERO} for a bare yield)
     */
    default void taskSuspended(Task<?> task, Object on) {}

    /** A suspended task's body resumes. */
    default void taskResumed(Task<?> task) {}

    /** A task is done: it has a result, an exception, or was cancelled. */
    default void taskFinished(Task<?> task) {}

    /** A timer is due and its callback is about to run. */
    default void timerFired(TimerHandle timer) {}

    /**
     * User code called {@link EventLoop#mark(String)}.
     *
     * @param task the task whose body marked, or null if a plain callback or the caller outside the loop did
     * @param label the label, not null
     */
    default void mark(Task<?> task, String label) {}
}

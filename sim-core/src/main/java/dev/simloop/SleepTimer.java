package dev.simloop;

import dev.simloop.internal.VirtualTimes;

/**
 * The timer behind {@code sleep(d)}: when due, it schedules the sleeping task's next step.
 *
 * <p>Two hops, as in CPython, where the timer resolves a future and the future's done-callback wakes the task: a
 * callback due at the same instant but scheduled after the sleep still runs before the task resumes.
 */
final class SleepTimer implements Runnable {

    private final Task<?> task;
    private final TimerHandle timer;
    /** Set when the timer fired or the sleep was cancelled: the wake-up is scheduled and cannot be undone. */
    private boolean done;

    SleepTimer(Task<?> task, long nanos) {
        this.task = task;
        this.timer = task.loop.callAtInternal(VirtualTimes.saturatingAdd(task.loop.time(), nanos), this,
                task.isBackground());
        this.timer.task = task;
    }

    long deadline() {
        return timer.when;
    }

    @Override
    public void run() {
        done = true;
        task.loop.scheduleStep(task);
    }

    /** Cancels the sleep: the task wakes on the next pass with a {@link CancelledException}. */
    boolean cancel(String message) {
        if (done) {
            return false;
        }
        done = true;
        task.loop.cancelTimerInternal(timer);
        task.loop.callSoonInternal(() -> task.step(new CancelledException(message)), task.isBackground()).task = task;
        return true;
    }
}

package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.util.List;

/**
 * A loop's step and virtual-time limits ({@link EventLoop.Builder#maxSteps}, {@link EventLoop.Builder#maxVirtualTime})
 * and the {@link LimitExceededException} that ends a run past them. {@link EventLoop} checks the step limit before
 * each live step and the time limit before it moves the clock to a timer; {@link EventLoop#cancelPendingTasks()}
 * renews both for the clean-up: as many steps as the run had, but never more than
 * {@value #CLEAN_UP_STEPS}, even on a loop without limits, so a task that swallows its cancellation forever ends the
 * run with a clear error instead of a hang (asyncio hangs there; a test tool must not). Loop thread only.
 */
final class RunLimits {

    /** The most steps the clean-up of the tasks left after a run may take, whatever the limits. */
    static final long CLEAN_UP_STEPS = 100_000;

    private static final String ONLY_BACKGROUND = " No task is still running: only background work remains (a "
            + "periodic task's next run is due), and the run waits for something that work does not do.";

    /** The builder's limits, for messages. */
    private final long maxSteps, maxVirtualTime;
    /**
     * The step count and virtual time past which the run fails: the limits, renewed to the same size for
     * cancelling the tasks left after the run ({@link #renewForCleanUp}), which may itself never end.
     */
    long stepLimitAt, timeLimitAt;
    /** Set while the tasks left after the run are cancelled: limit messages say so. */
    private boolean cleaningUp;

    RunLimits(long maxSteps, long maxVirtualTime) {
        this.maxSteps = maxSteps;
        this.maxVirtualTime = maxVirtualTime;
        this.stepLimitAt = maxSteps;
        this.timeLimitAt = maxVirtualTime;
    }

    /** Limits renewed from {@code steps} and virtual time {@code now}, for cancelling the tasks left after the run. */
    void renewForCleanUp(long steps, long now) {
        cleaningUp = true;
        stepLimitAt = VirtualTimes.saturatingAdd(steps, Math.min(maxSteps, CLEAN_UP_STEPS));
        timeLimitAt = VirtualTimes.saturatingAdd(now, maxVirtualTime);
    }

    /** The step limit was reached with {@code steps} steps run; {@code running} lists the live tasks. */
    LimitExceededException stepLimit(long steps, long now, List<String> running) {
        if (cleaningUp && maxSteps > CLEAN_UP_STEPS) {
            return exceeded("clean-up step limit", "at most", String.format(java.util.Locale.ROOT, "%,d steps",
                    CLEAN_UP_STEPS), "step " + (steps + 1) + " was about to run", steps, now, running, false);
        }
        return exceeded("step limit", "maxSteps", Long.toString(maxSteps),
                "step " + (steps + 1) + " was about to run", steps, now, running, false);
    }

    /**
     * The next timer, due at {@code when}, lies past the virtual-time limit. With no task running and a background
     * timer next ({@code background}), only background work was left (a wait for ever beside a periodic task): the
     * message says so, so a run that would otherwise seem to hang says why.
     */
    LimitExceededException timeLimit(long when, boolean background, long steps, long now, List<String> running) {
        return exceeded("virtual-time limit", "maxVirtualTime", VirtualTimes.format(maxVirtualTime),
                "the next timer is due at " + VirtualTimes.format(when), steps, now, running,
                background);
    }

    private LimitExceededException exceeded(String limit, String setting, String value, String where, long steps,
            long now, List<String> running, boolean backgroundNext) {
        boolean onlyBackground = backgroundNext && running.isEmpty() && !cleaningUp;
        StringBuilder msg = new StringBuilder().append("The run passed its ").append(limit).append(" (")
                .append(setting).append(setting.equals("at most") ? " " : " = ").append(value)
                .append(cleaningUp ? ", again while cancelling the tasks left after the run" : "").append("): ").append(where).append(" (virtual time ")
                .append(VirtualTimes.format(now)).append(", step ").append(steps).append(").");
        LiveTasks.appendLines(msg, running, onlyBackground ? ONLY_BACKGROUND : " No task is still running.", " Tasks still running, in creation order:");
        if (onlyBackground) {
            msg.append("\nA periodic task keeps virtual time moving, so a wait for ever beside it never deadlocks: "
                    + "wait with a timeout, or drive time with advanceBy.");
        } else if (setting.equals("at most")) {
            msg.append("\nLook for a task that catches CancelledException and goes on instead of ending: a "
                    + "cancelled task must end (rethrow the CancelledException, or return).");
        } else {
            msg.append(cleaningUp ? "\nLook for a task that catches CancelledException and goes on instead of "
                    + "ending, or raise " : "\nLook for a task that never stops (a producer with no end, a retry "
                    + "loop), or raise ").append(setting).append(" on the builder.");
        }
        return new LimitExceededException(msg.toString(), running);
    }
}

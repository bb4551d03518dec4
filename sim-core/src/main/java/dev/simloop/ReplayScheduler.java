package dev.simloop;

/**
 * {@link Policy#replay(Decisions)}: takes the recorded decisions in order; a decision beyond the record, or one
 * whose recorded index no longer exists among the candidates, runs the first candidate (FIFO).
 */
final class ReplayScheduler extends Scheduler {

    private final Decisions decisions;
    /** How many real decisions (two or more candidates) this run has taken so far. */
    private int taken;
    /** The task of the callback picked last, for {@link #runsTaskOn}. */
    private Task<?> lastTask;
    /** The base order's pick at the last decision ({@link #runsTaskOn}). */
    private int basePick;

    ReplayScheduler(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    int pick(Handle[] candidates, int n, long step) {
        int choice = choose(candidates, n);
        lastTask = candidates[choice].task;
        return choice;
    }

    private int choose(Handle[] candidates, int n) {
        if (n == 1) {
            return 0;
        }
        basePick = runsTaskOn ? Math.max(0, indexOfTask(candidates, n, lastTask)) : 0;
        int i = taken++;
        if (i >= decisions.size()) {
            return basePick;
        }
        int choice = decisions.choice(i);
        return choice < n ? choice : 0;
    }

    /** Under {@link #runsTaskOn}: the task that ran last, if it was ready at the last decision; else FIFO's 0. */
    @Override
    int basePick() {
        return basePick;
    }

    /** "REPLAY(policy)": the recorded policy's name already carries its scope. */
    @Override
    String describe() {
        return name();
    }

    @Override
    String name() {
        return Policy.replayName(decisions);
    }
}

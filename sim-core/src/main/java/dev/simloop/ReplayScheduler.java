package dev.simloop;

/**
 * {@link Policy#replay(Decisions)}: takes the recorded decisions in order; a decision beyond the record, or one
 * whose recorded index no longer exists among the candidates, runs the first candidate (FIFO).
 */
final class ReplayScheduler extends Scheduler {

    private final Decisions decisions;
    /** How many real decisions (two or more candidates) this run has taken so far. */
    private int taken;

    ReplayScheduler(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    int pick(Handle[] candidates, int n, long step) {
        if (n == 1) {
            return 0;
        }
        int i = taken++;
        if (i >= decisions.size()) {
            return 0;
        }
        int choice = decisions.choice(i);
        return choice < n ? choice : 0;
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

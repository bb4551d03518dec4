package dev.simloop;

/**
 * Picks which ready callback runs next: the seam every policy but FIFO plugs into.
 *
 * <p>The loop calls {@link #pick} once per step before the fair tail with the callbacks its scope allows (every ready
 * one, or the current iteration's), cancelled ones removed, in FIFO order (index 0 is what CPython would run). Only
 * these are ready, so no pick can break causality, and the loop moves time only when nothing is ready, never
 * backwards. A scheduler holds the state of one run only, drawn from the one random source it was made with;
 * nothing carries over to the next run.
 */
abstract class Scheduler {

    /** Set when a portfolio chose this scheduler for the run: its name says so. */
    boolean inPortfolio;
    /** Whether picks are limited to the current iteration's batch ({@link Policy#perIteration()}). */
    boolean perIteration;
    /** The last step this scheduler decides; later steps run in FIFO order (the fair tail). */
    long fairAfter = Long.MAX_VALUE;
    /**
     * For a search's runs: how many of the candidates never passed over the decisions record, at most, per decision
     * (the first ones in FIFO order; a search with d delays left needs d + 1); 0 elsewhere.
     */
    int frontierCap;
    /**
     * For a preemption-bounded search's runs: past the recorded picks, the task that ran last runs on while it is
     * ready (a non-preemptive base order), and the decisions record that default pick.
     */
    boolean runsTaskOn;

    /** What the search's base order would have picked at the last decision: FIFO's index 0 unless overridden. */
    int basePick() {
        return 0;
    }

    /** The index of the first candidate that steps or wakes {@code task}, or -1; null never matches. */
    static int indexOfTask(Handle[] candidates, int n, Task<?> task) {
        if (task != null) {
            for (int i = 0; i < n; i++) {
                if (candidates[i].task == task) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A task was created in this run; called before its first step is scheduled. */
    void taskCreated(Task<?> task) {}

    /**
     * Which candidate runs as step {@code step}.
     *
     * @param candidates the iteration's callbacks still to run, in FIFO order; only {@code [0, n)} is valid
     * @param n how many, at least 1
     * @param step the number the step will have ({@link EventLoop#stepCount()} + 1)
     * @return an index in {@code [0, n)}
     */
    abstract int pick(Handle[] candidates, int n, long step);

    /**
     * The policy as this run resolved it, for reports: "RANDOM", "PCT(depth=3, k=41)", "PORTFOLIO:POS",
     * "RANDOM/iteration", ...
     */
    String describe() {
        return (inPortfolio ? "PORTFOLIO:" + name() : name()) + Policy.scopeSuffix(perIteration);
    }

    /** This scheduler's own name and parameters. */
    abstract String name();
}

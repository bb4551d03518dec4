package dev.simloop;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Delay-bounded enumeration (Emmi, Qadeer, Rakamaric, POPL 2011): visits every schedule of a simulation that takes at
 * most {@code bound} {@linkplain Decisions#delays() delays}, depth-first, each once, by re-running the body from the
 * start (runs are deterministic, so a prefix of decisions replays exactly).
 *
 * <p>A schedule is a sequence of picks; past its last departure it runs FIFO. The search tree has FIFO at its root,
 * and a schedule's children depart once more, at a decision after the schedule's own last departure: so every
 * sequence of picks has exactly one parent (the same sequence with its last departure set back to FIFO), and no
 * schedule is visited twice. A run of a schedule records, for each of its decisions, which candidates had never been
 * passed over ({@link Decisions.Frontier}), which gives what each child costs in delays without running it; children
 * over the bound are never run.
 */
final class ScheduleSearch {

    private final Simulation simulation;
    private final long seed;
    private final String policyName;
    private final boolean perIteration;
    private final int bound;
    private final long maxSchedules;
    /** {@link System#nanoTime()} past which the search stops: a budget for the search, never read inside a run. */
    private final long deadline;
    private long visited;
    private boolean exhausted;
    private String stoppedBy;

    /**
     * @param simulation whose body and loop settings each run uses
     * @param seed the seed of every run (it still drives the loop's random source and buggify)
     * @param policyName what the runs' policy is called: "REPLAY(name)"
     * @param perIteration the scope the schedules are in
     * @param bound the most delays a visited schedule takes, at least 0
     * @param maxSchedules the most schedules to run
     * @param maxNanos the most wall-clock time the search may take
     */
    ScheduleSearch(Simulation simulation, long seed, String policyName, boolean perIteration, int bound,
            long maxSchedules, long maxNanos) {
        long now = System.nanoTime();
        this.deadline = maxNanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + maxNanos;
        this.simulation = simulation;
        this.seed = seed;
        this.policyName = policyName;
        this.perIteration = perIteration;
        this.bound = bound;
        this.maxSchedules = maxSchedules;
    }

    /** One level of the depth-first walk: a visited schedule's run, and the next child to try. */
    private static final class Frame {
        final Decisions run;
        /** The first decision a child may depart at: the one after the schedule's last departure. */
        int position;
        int choice = 1;

        Frame(Decisions run, int position) {
            this.run = run;
            this.position = position;
        }
    }

    /**
     * Visits the schedules until {@code stop} accepts a run, every schedule within the bound was visited, or the
     * limit on schedules was reached.
     *
     * @return the run {@code stop} accepted, or null
     */
    RunResult search(Predicate<RunResult> stop) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        RunResult root = run(new int[0]);
        if (stop.test(root)) {
            return root;
        }
        stack.push(new Frame(root.decisions(), 0));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            int[] child = nextChild(f);
            if (child == null) {
                stack.pop();
                continue;
            }
            if (visited >= maxSchedules) {
                stoppedBy = "its limit of " + maxSchedules + " schedules";
                return null;
            }
            if (System.nanoTime() > deadline) {
                stoppedBy = "its time limit";
                return null;
            }
            RunResult r = run(child);
            if (stop.test(r)) {
                return r;
            }
            stack.push(new Frame(r.decisions(), child.length));
        }
        exhausted = true;
        return null;
    }

    /** The next child of {@code f} within the bound, advancing its cursor; null when it has no more. */
    private int[] nextChild(Frame f) {
        Decisions d = f.run;
        int used = d.delays();
        while (f.position < d.size()) {
            int j = f.position;
            if (f.choice < d.options(j) && used + d.frontier.cost(j, f.choice) <= bound) {
                int[] child = Arrays.copyOf(choicesOf(d), j + 1);
                child[j] = f.choice++;
                return child;
            }
            f.position++;
            f.choice = 1;
        }
        return null;
    }

    private static int[] choicesOf(Decisions d) {
        int[] c = new int[d.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = d.choice(i);
        }
        return c;
    }

    private RunResult run(int[] choices) {
        visited++;
        int[] options = new int[choices.length];
        Arrays.fill(options, 2);
        Decisions prefix = new Decisions(seed, policyName, perIteration, choices, options, 0, new long[0]);
        return simulation.runOnce(seed, Policy.search(prefix, bound));
    }

    /**
     * The failing run with the fewest delays: searches bounds 0, 1, ... below {@code failed}'s delays for a schedule
     * that fails with the same exception class, within {@code maxSchedules} runs in all.
     *
     * @return the first such schedule's run at the lowest bound that has one, or {@code failed} itself
     */
    static RunResult fewestDelays(Simulation simulation, RunResult failed, String policyName, boolean perIteration,
            long maxSchedules, long maxNanos) {
        long left = maxSchedules;
        Class<?> failure = failed.failure().getClass();
        for (int bound = 0; bound < failed.decisions().delays() && left > 0; bound++) {
            ScheduleSearch search = new ScheduleSearch(simulation, failed.seed(), policyName, perIteration, bound,
                    left, maxNanos);
            RunResult found = search.search(r -> r.failed() && r.failure().getClass() == failure);
            left -= search.visited();
            if (found != null) {
                return found;
            }
        }
        return failed;
    }

    /** How many schedules were run. */
    long visited() {
        return visited;
    }

    /** Whether the last search visited every schedule within the bound (it was not stopped by a run or the limit). */
    boolean exhausted() {
        return exhausted;
    }

    /** What stopped the search before it was exhausted: "its limit of N schedules", "its time limit"; else null. */
    String stoppedBy() {
        return stoppedBy;
    }
}

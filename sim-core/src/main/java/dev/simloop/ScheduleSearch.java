package dev.simloop;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Bounded enumeration: visits every schedule of a simulation within {@code bound}, depth-first, each once, by
 * re-running the body from the start (runs are deterministic, so a prefix of decisions replays exactly). The bound
 * counts {@linkplain Decisions#delays() delays} from FIFO (Emmi, Qadeer, Rakamaric, POPL 2011), or, with
 * {@code preemptions}, departures from a non-preemptive base order in which the task that ran last runs on while it is
 * ready (and FIFO picks when it is not): every other pick is one preemption, whatever it passes over (Musuvathi,
 * Qadeer, PLDI 2007).
 *
 * <p>A schedule is a sequence of picks; past its last departure it runs FIFO. The search tree has FIFO at its root,
 * and a schedule's children depart once more, at a decision after the schedule's own last departure: so every
 * sequence of picks has exactly one parent (the same sequence with its last departure set back to the base order),
 * and no schedule is visited twice. A run of a schedule records, for each of its decisions, what every other pick
 * there would cost ({@link Decisions.Frontier}: the candidates never passed over, or the base order's pick), so
 * children over the bound are never run.
 */
final class ScheduleSearch {

    private final Simulation simulation;
    private final long seed;
    private final String policyName;
    private final boolean perIteration;
    private final int bound;
    /** Whether the bound counts preemptions from the non-preemptive base order, not delays from FIFO. */
    private final boolean preemptions;
    private final long maxSchedules;
    /** {@link System#nanoTime()} past which the search stops: a limit for the search, never read inside a run. */
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
        this(simulation, seed, policyName, perIteration, bound, false, maxSchedules, maxNanos);
    }

    /** The same, counting preemptions instead of delays if {@code preemptions}. */
    ScheduleSearch(Simulation simulation, long seed, String policyName, boolean perIteration, int bound,
            boolean preemptions, long maxSchedules, long maxNanos) {
        this.preemptions = preemptions;
        long now = System.nanoTime();
        this.deadline = maxNanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + maxNanos;
        this.simulation = simulation;
        this.seed = seed;
        this.policyName = policyName;
        this.perIteration = perIteration;
        this.bound = bound;
        this.maxSchedules = maxSchedules;
    }

    /** One level of the depth-first walk: a visited schedule's run, what it cost, and the next child to try. */
    private static final class Frame {
        final Decisions run;
        /** The delays or preemptions of the schedule: the costs of its departures. */
        final int cost;
        /** The first decision a child may depart at: the one after the schedule's last departure. */
        int position;
        int choice;

        Frame(Decisions run, int cost, int position) {
            this.run = run;
            this.cost = cost;
            this.position = position;
        }
    }

    /** The cost of the last schedule {@link #search} accepted. */
    private int foundCost;

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
            foundCost = 0;
            return root;
        }
        stack.push(new Frame(root.decisions(), 0, 0));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            int[] child = nextChild(f);
            if (child == null) {
                stack.pop();
                continue;
            }
            int cost = f.cost + f.run.frontier.cost(child.length - 1, child[child.length - 1]);
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
                foundCost = cost;
                return r;
            }
            stack.push(new Frame(r.decisions(), cost, child.length));
        }
        exhausted = true;
        return null;
    }

    /**
     * The next child of {@code f} within the bound, advancing its cursor; null when it has no more. A child differs
     * from the run at one decision past the run's prefix, where the run took its base order's pick.
     */
    private int[] nextChild(Frame f) {
        Decisions d = f.run;
        while (f.position < d.size()) {
            int j = f.position;
            while (f.choice < d.options(j)) {
                int c = f.choice++;
                if (c == d.choice(j)) {
                    continue; // the run itself
                }
                if (f.cost + d.frontier.cost(j, c) <= bound) {
                    int[] child = Arrays.copyOf(choicesOf(d), j + 1);
                    child[j] = c;
                    return child;
                }
                if (!preemptions) {
                    break; // a delay's cost only grows with the index
                }
            }
            f.position++;
            f.choice = 0;
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
        return simulation.runSeed(seed, Policy.search(prefix, bound, preemptions));
    }

    /**
     * The failing run with the fewest delays: searches bounds 0, 1, ... below {@code failed}'s delays for a schedule
     * that fails with the same exception class, within {@code maxSchedules} runs in all.
     *
     * @return the first such schedule's run at the lowest bound that has one, or {@code failed} itself
     */
    static RunResult fewestDelays(Simulation simulation, RunResult failed, String policyName, boolean perIteration,
            long maxSchedules, long maxNanos) {
        return fewest(simulation, failed, failed.decisions().delays(), false, policyName, perIteration, maxSchedules,
                maxNanos);
    }

    /**
     * The failing run with the least cost: searches bounds 0, 1, ... below {@code cost} (what {@code failed} cost in
     * the measure asked for) for a schedule that fails with the same exception class, within {@code maxSchedules}
     * runs in all; the first such schedule's run at the lowest bound that has one, or {@code failed} itself.
     */
    static RunResult fewest(Simulation simulation, RunResult failed, int cost, boolean preemptions,
            String policyName, boolean perIteration, long maxSchedules, long maxNanos) {
        long left = maxSchedules;
        Class<?> failure = failed.failure().getClass();
        for (int bound = 0; bound < cost && left > 0; bound++) {
            ScheduleSearch search = new ScheduleSearch(simulation, failed.seed(), policyName, perIteration, bound,
                    preemptions, left, maxNanos);
            RunResult found = search.search(r -> r.failed() && r.failure().getClass() == failure);
            left -= search.visited();
            if (found != null) {
                return found;
            }
        }
        return failed;
    }

    /** What the schedule the last search accepted cost, in its measure. */
    int foundCost() {
        return foundCost;
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

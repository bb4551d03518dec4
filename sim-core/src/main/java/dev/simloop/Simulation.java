package dev.simloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Runs a test body under many seeded interleavings, replays a run, and shrinks a failing one: the sweep runner.
 *
 * <p>Each run is a fresh loop built from (seed, policy, limits) that runs the body's main coroutine like
 * {@link EventLoop#run(Coroutine)}; it is a pure function of them, so a failing seed replays. An immutable builder:
 *
 * <pre>{@code
 * SweepResult r = Simulation.of(() -> Coroutine.ofVoid(() -> { ... }))
 *         .policy(Policy.pct(3)).seeds(0xC0FFEE, 1000).threads(2).checkDeterminism(true)
 *         .sweep();
 * r.orThrow();
 * }</pre>
 *
 * <p>The seed of run i is {@link Seeds#of(long, int)} of the base seed; {@link Policy#pct(int)} and
 * {@link Policy#portfolio(long) portfolio(0)} take their step count k from one FIFO run of the body first (a pure
 * function of the test, never learned from earlier seeds). A run fails when the main coroutine fails, when a limit is
 * passed, and when its loop reports a {@link LoopProblem} (a callback throws, an exception goes unretrieved, a
 * coroutine is never awaited): each such problem is a {@link LoopProblemException} that names it, with the problem's
 * exception as its cause.
 *
 * <p>A test that drives the loop itself ({@code advanceBy}, an executor, a library on {@code loop.clock()}) is swept
 * with {@link #ofLoop(LoopBody)}: each run hands its fresh loop to the body, and everything above holds the same way.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Simulation {

    /** What a run does with its fresh loop: runs a main coroutine to completion, or hands the loop to a body. */
    private final LoopBody body;
    // The settings: each setter returns a changed copy (copy()), so a Simulation is never modified once returned.
    private Policy policy = Policy.random();
    private long baseSeed;
    private int seedCount = 100;
    private int threads = 1;
    private boolean checkDeterminism;
    private boolean shrink = true;
    private boolean stopAtFirstFailure = true;
    private EventLoop.Builder loop = EventLoop.builder().name("simulation").trace(TraceLevel.DEFAULT);
    /** The most schedules an {@link #explore(int)} runs. */
    private long maxSchedules = 100_000;
    /** The most wall-clock time an {@link #explore(int)} takes, in nanoseconds. */
    private long maxSearchNanos = Duration.ofMinutes(10).toNanos();
    /** Told of each run of a sweep as it ends, or null. */
    private Consumer<RunResult> onRun;

    private Simulation(LoopBody body) {
        this.body = body;
    }

    private Simulation copy() {
        Simulation c = new Simulation(body);
        c.policy = policy;
        c.baseSeed = baseSeed;
        c.seedCount = seedCount;
        c.threads = threads;
        c.checkDeterminism = checkDeterminism;
        c.shrink = shrink;
        c.stopAtFirstFailure = stopAtFirstFailure;
        c.loop = loop;
        c.maxSchedules = maxSchedules;
        c.maxSearchNanos = maxSearchNanos;
        c.onRun = onRun;
        return c;
    }

    /**
     * A simulation of the main coroutine {@code body} makes: RANDOM policy, 100 seeds from base 0, one thread,
     * shrinking on, stop at the first failure, a default-level trace, no limits.
     *
     * @param body makes a new main coroutine for each run, on the run's thread (with {@link #threads(int)} above 1,
     *     from several threads at once: share no mutable state between runs), not null
     * @return the simulation
     */
    public static Simulation of(Supplier<? extends Coroutine<?>> body) {
        Objects.requireNonNull(body, "body");
        return new Simulation(loop -> loop.runUntilComplete(body.get()));
    }

    /**
     * A simulation of a test that drives the loop itself: each run builds a fresh loop from (seed, policy, settings)
     * and hands it to {@code body}, which runs it as it likes ({@code runUntilComplete}, {@code advanceBy},
     * {@code runUntilIdle}, executors and clocks of the loop). The defaults, seeds, shrinking, the determinism check,
     * threads and PCT's step count are as for {@link #of(Supplier)}. A run fails when the body throws, or when the
     * loop reports a problem; when the body returns, the run cancels the tasks still pending and closes the loop, as
     * {@link EventLoop#run(Coroutine)} does.
     *
     * @param body drives one run's loop, on the run's thread (which owns the loop; with {@link #threads(int)} above
     *     1, several at once: share no mutable state between runs), not null
     * @return the simulation
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static Simulation ofLoop(LoopBody body) {
        return new Simulation(Objects.requireNonNull(body, "body"));
    }

    /**
     * A test body that drives the loop it is given ({@link #ofLoop(LoopBody)}).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    @FunctionalInterface
    public interface LoopBody {
        /**
         * Drives {@code loop}: fails the run by throwing.
         *
         * @param loop the run's fresh loop, seeded, not running, not null
         * @throws Exception any failure, which fails the run
         */
        void drive(EventLoop loop) throws Exception;
    }

    /**
     * The policy of every run.
     *
     * @param policy not null
     * @return a new simulation
     */
    public Simulation policy(Policy policy) {
        Simulation c = copy();
        c.policy = Objects.requireNonNull(policy, "policy");
        return c;
    }

    /**
     * The seeds a {@link #sweep()} runs: {@code count} of them, derived from {@code base} ({@link Seeds#of}).
     *
     * @param base any 64-bit value
     * @param count at least 1
     * @return a new simulation
     */
    public Simulation seeds(long base, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Configuration error: a sweep needs at least 1 seed, was " + count
                    + ".");
        }
        Simulation c = copy();
        c.baseSeed = base;
        c.seedCount = count;
        return c;
    }

    /**
     * How many threads run seeds at once (1 by default); the result does not depend on it.
     *
     * @param threads at least 1
     * @return a new simulation
     */
    public Simulation threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Configuration error: threads must be at least 1, was " + threads
                    + ".");
        }
        Simulation c = copy();
        c.threads = threads;
        return c;
    }

    /**
     * Whether each seed runs twice and the two traces are compared (off by default): a difference fails the run with a
     * {@link NondeterminismException} that names the first step where they part and shows both events.
     *
     * @param check whether to check
     * @return a new simulation
     */
    public Simulation checkDeterminism(boolean check) {
        Simulation c = copy();
        c.checkDeterminism = check;
        return c;
    }

    /**
     * A listener told of each run of a {@link #sweep()} as it ends, for progress reports on long sweeps. It is called
     * on the thread that ran the seed: with {@link #threads(int)} above 1, from several threads at once, in no fixed
     * order, so it must be thread-safe; what it does cannot change any run.
     *
     * @param listener the listener, or null for none
     * @return a new simulation
     */
    public Simulation onRun(Consumer<RunResult> listener) {
        Simulation c = copy();
        c.onRun = listener;
        return c;
    }

    /**
     * Whether a sweep shrinks its first failing run (on by default); see {@link SweepResult#shrunk()}.
     *
     * @param shrink whether to shrink
     * @return a new simulation
     */
    public Simulation shrink(boolean shrink) {
        Simulation c = copy();
        c.shrink = shrink;
        return c;
    }

    /**
     * Whether a sweep stops at its first failing seed (on by default) or runs every seed and reports all failures.
     *
     * @param stop whether to stop
     * @return a new simulation
     */
    public Simulation stopAtFirstFailure(boolean stop) {
        Simulation c = copy();
        c.stopAtFirstFailure = stop;
        return c;
    }

    /**
     * The loop settings of every run: limits ({@link EventLoop.Builder#maxSteps}, {@link
     * EventLoop.Builder#maxVirtualTime}), trace level, strand backend, name. Its seed and policy are replaced by the
     * run's. Its trace level counts as given ({@link TraceLevel#OFF} for a plain {@code EventLoop.builder()}: runs
     * then carry no trace), except that a determinism check records at least {@link TraceLevel#DEFAULT}.
     *
     * @param settings a loop builder, not null, not {@linkplain EventLoop.Builder#realTime() real-time}
     * @return a new simulation
     */
    public Simulation loop(EventLoop.Builder settings) {
        if (Objects.requireNonNull(settings, "settings").isRealTime()) {
            throw new IllegalArgumentException("Configuration error: a simulation runs on virtual time, but the loop "
                    + "settings are realTime(). Pass the builder without realTime().");
        }
        Simulation c = copy();
        c.loop = settings;
        return c;
    }

    /**
     * The limits of an {@link #explore(int)}: at most {@code maxSchedules} schedules (100,000 by default) and
     * {@code maxTime} of wall-clock time (10 minutes by default). A search stopped by either says so: its result is
     * not {@linkplain ExploreResult#complete() complete}, and its report is no guarantee.
     *
     * @param maxSchedules at least 1
     * @param maxTime positive, not null
     * @return a new simulation
     */
    public Simulation searchLimits(long maxSchedules, Duration maxTime) {
        if (maxSchedules < 1 || Objects.requireNonNull(maxTime, "maxTime").isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("Configuration error: a search needs at least 1 schedule and a "
                    + "positive time, was " + maxSchedules + " schedules and " + maxTime + ".");
        }
        Simulation c = copy();
        c.maxSchedules = maxSchedules;
        c.maxSearchNanos = maxTime.toNanos();
        return c;
    }

    /**
     * Runs every schedule of the test that differs from FIFO by at most {@code delays} delays, each once, depth first,
     * until one fails (delay bounding: Emmi, Qadeer, Rakamaric, POPL 2011). A delay passes over a ready task that FIFO
     * would run next ({@link Decisions#delays()}); with 0 the search runs FIFO alone, with 1 every schedule that holds
     * one task back, for any number of steps, and so on. Where sampling ({@link #sweep()}) finds bugs that many
     * schedules share, this finds a bug that lives in a single schedule, and when none fails its report is a
     * guarantee: "All 2,256 schedules with at most 2 delays pass."
     *
     * <p>Every schedule runs with the sweep's first seed ({@link Seeds#of}{@code (base, 0)}), which still drives
     * {@link EventLoop#random()} and buggify, and in the scope of this simulation's policy (per iteration if it is
     * {@link Policy#perIteration()}); the policy's own choices do not matter. A failure is shrunk to the fewest delays
     * a schedule fails with, if shrinking is on, within the same limits ({@link #searchLimits}).
     *
     * @param delays the delay bound, at least 0
     * @return what the search covered and the first failure
     */
    public ExploreResult explore(int delays) {
        return explore(delays, false);
    }

    /**
     * Runs every schedule of the test within {@code preemptions} preemptions, each once, depth first, until one fails
     * (preemption bounding: Musuvathi, Qadeer, PLDI 2007), as {@link #explore(int)} does for delays. The base order
     * here is non-preemptive: the task that ran last runs on while it is ready, and when it is not, FIFO picks. A
     * preemption is any other pick, whatever it passes over. So one preemption lets any ready task cut in at any
     * point, however far back in FIFO order it waits: the measure for a bug where one of many tasks must run between
     * two steps of another (SCTBench's twostage_100 needs one), where delays would count every task it passes.
     *
     * @param preemptions the preemption bound, at least 0
     * @return what the search covered and the first failure, in preemptions
     */
    public ExploreResult explorePreemptions(int preemptions) {
        return explore(preemptions, true);
    }

    private ExploreResult explore(int bound, boolean preemptions) {
        if (bound < 0) {
            throw new IllegalArgumentException("Configuration error: the " + (preemptions ? "preemption" : "delay")
                    + " bound must be at least 0, was " + bound + ".");
        }
        long seed = Seeds.of(baseSeed, 0);
        String name = preemptions ? "SEARCH(preemptions)" : "SEARCH";
        ScheduleSearch search = new ScheduleSearch(this, seed, name, policy.isPerIteration(), bound, preemptions,
                maxSchedules, maxSearchNanos);
        RunResult found = search.search(RunResult::failed);
        RunResult shrunk = found == null || !shrink ? found : ScheduleSearch.fewest(this, found, search.foundCost(),
                preemptions, name, policy.isPerIteration(), maxSchedules, maxSearchNanos);
        return new ExploreResult(bound, preemptions ? "preemption" : "delay", search.visited(), search.exhausted(),
                search.stoppedBy(), found, shrunk);
    }

    /**
     * The policy this simulation's runs use: its policy, with the test's step count k learnt from one FIFO run of
     * seed 0 where it needs one (PCT and the portfolio cannot run without k; RANDOM and POS take their fair tail from
     * it). {@link #run(long)} and {@link #sweep()} learn it so on each call; a caller that runs seeds one at a time
     * learns it once, then runs {@code policy(resolvedPolicy())}, whose policy needs nothing more.
     *
     * @return the policy with its step count, or the policy itself if it needs none
     */
    public Policy resolvedPolicy() {
        return policy.needsStepCount() ? policy.withStepCount(Math.max(1, runSeed(0, Policy.FIFO).steps())) : policy;
    }

    /**
     * Runs one seed with this simulation's policy (a determinism check included if chosen).
     *
     * @param seed the seed, as a sweep reported it
     * @return the run
     */
    public RunResult run(long seed) {
        return runChecked(seed, resolvedPolicy());
    }

    /**
     * Replays recorded decisions with their seed; past their end, the run goes on in FIFO order.
     *
     * @param decisions from {@link RunResult#decisions()} or {@link Decisions#read}, not null
     * @return the run
     */
    public RunResult replay(Decisions decisions) {
        Objects.requireNonNull(decisions, "decisions");
        return runSeed(decisions.seed(), Policy.replay(decisions));
    }

    /**
     * Shrinks a failing run of this simulation as a sweep shrinks its first failure (see {@link SweepResult#shrunk()}):
     * a replay of its decisions that still fails with the same exception class, with as few departures from FIFO as
     * delta debugging found.
     *
     * @param failed a failing run of this simulation (from {@link #run(long)}), not null
     * @return the shrunk run, or {@code failed} itself if it passed, failed with nondeterminism, or took no departure
     *     from FIFO (then there is nothing to shrink)
     */
    public RunResult shrink(RunResult failed) {
        Objects.requireNonNull(failed, "failed");
        if (!failed.failed() || failed.failure() instanceof NondeterminismException
                || failed.decisions().departures() == 0) {
            return failed;
        }
        return new Shrinker(this, failed).shrink();
    }

    /** Runs every seed (on the chosen threads), then shrinks the first failure if asked. */
    public SweepResult sweep() {
        Policy resolved = resolvedPolicy();
        RunResult[] failures = new RunResult[seedCount];
        long[] decisionCounts = new long[seedCount];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < seedCount && !(stopAtFirstFailure && i > firstFailure.get())) {
                RunResult r = runChecked(Seeds.of(baseSeed, i), resolved);
                decisionCounts[i] = r.decisions().size();
                if (r.failed()) {
                    failures[i] = r.atIndex(i);
                    firstFailure.accumulateAndGet(i, Math::min);
                }
                if (onRun != null) {
                    onRun.accept(r);
                }
            }
        };
        runOnThreads(worker);
        int runs = stopAtFirstFailure && firstFailure.get() < seedCount ? firstFailure.get() + 1 : seedCount;
        List<RunResult> failed = new ArrayList<>();
        long decisions = 0;
        for (int i = 0; i < runs; i++) {
            decisions += decisionCounts[i];
            if (failures[i] != null) {
                failed.add(failures[i]);
            }
        }
        RunResult shrunk = null;
        if (shrink && !failed.isEmpty() && !(failed.get(0).failure() instanceof NondeterminismException)) {
            shrunk = shrink(failed.get(0));
        }
        return new SweepResult(resolved.toString(), baseSeed, runs, decisions, failed, shrunk);
    }

    private void runOnThreads(Runnable worker) {
        if (threads == 1) {
            worker.run();
            return;
        }
        List<Thread> started = new ArrayList<>();
        Throwable[] crash = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            Thread th = Thread.ofPlatform().name("simloop-sweep-" + t).unstarted(worker);
            th.setUncaughtExceptionHandler((x, e) -> {
                synchronized (crash) {
                    crash[0] = e;
                }
            });
            started.add(th);
            th.start();
        }
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a sweep ran.", e);
            }
        }
        synchronized (crash) {
            if (crash[0] != null) {
                throw new IllegalStateException("A sweep thread crashed: " + crash[0], crash[0]);
            }
        }
    }

    private RunResult runChecked(long seed, Policy resolved) {
        if (!checkDeterminism) {
            return runSeed(seed, resolved);
        }
        RunResult first = runSeed(seed, resolved, true);
        RunResult second = runSeed(seed, resolved, true);
        Trace t1 = first.trace();
        Trace t2 = second.trace();
        long event = t1.firstDifferentEvent(t2); // counted from the run's start, dropped events included
        if (event == -1) {
            return first;
        }
        String where;
        if (event == Trace.AMONG_DROPPED) {
            where = " before the events their traces kept (" + t1.cutNote() + "), as their fingerprints differ";
        } else {
            int i = (int) (event - t1.dropped());
            int k = (int) (event - t2.dropped());
            String a = i < t1.size() ? t1.event(i).toString() : "(the run had ended)";
            String b = k < t2.size() ? t2.event(k).toString() : "(the run had ended)";
            long step = i < t1.size() ? t1.step(i) : t2.step(k);
            where = " at step " + step + " (event " + event + "):\n  first run:  " + a + "\n  second run: " + b;
        }
        return new RunResult(seed, first.policy(), new NondeterminismException("Nondeterminism: seed "
                + Seeds.format(seed) + " under " + first.policy() + " ran twice and the runs parted" + where
                + "\nLook for the wall clock, "
                + "Math.random(), new Random(), iteration over identity hashes or other threads in the code under "
                + "test; use loop.random() for randomness."), first.steps(), first.virtualTime(), first.decisions(),
                first.trace(), -1);
    }

    /** One run: a fresh loop from (seed, policy) and the settings; never throws for the body's failure. */
    RunResult runSeed(long seed, Policy resolved) {
        return runSeed(seed, resolved, false);
    }

    private RunResult runSeed(long seed, Policy resolved, boolean needTrace) {
        List<Throwable> problems = new ArrayList<>();
        EventLoop.Builder settings = needTrace && !loop.tracing() ? loop.trace(TraceLevel.DEFAULT) : loop;
        EventLoop l = settings.seed(seed).policy(resolved).onProblem(p -> problems.add(new LoopProblemException(p)))
                .build();
        Throwable failure = null;
        try {
            body.drive(l);
        } catch (Throwable t) {
            failure = t;
        }
        try {
            if (!l.isClosed()) {
                l.cancelPendingTasks();
            }
        } catch (Throwable t) {
            failure = addTo(failure, t);
        }
        l.close();
        for (Throwable p : problems) {
            failure = addTo(failure, p);
        }
        Decisions d = l.decisions();
        return new RunResult(seed, d.policy(), failure, l.stepCount(), l.time(), d,
                l.recordsTrace() ? l.trace() : null, -1);
    }

    private static Throwable addTo(Throwable failure, Throwable more) {
        if (failure == null) {
            return more;
        }
        if (failure != more) {
            failure.addSuppressed(more);
        }
        return failure;
    }
}

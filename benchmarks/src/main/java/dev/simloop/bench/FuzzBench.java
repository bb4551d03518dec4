package dev.simloop.bench;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.yieldNow;

import dev.simloop.Coroutine;
import dev.simloop.Policy;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fuzzing throughput: a scenario of 10 tasks doing 100 awaits each, swept under RANDOM with the default trace.
 *
 * <p>Prints {@code simloop-bench fuzz_runs_per_s <runs/s> runs/s} (one thread, RANDOM in its default step scope),
 * {@code fuzz_runs_per_s.iteration} (the same under {@code RANDOM/iteration}, the scope every policy had before
 * 0.2, measured in the same run for the comparison) and {@code simloop-bench fuzz_parallel_speedup <x> x} (the same
 * seeds on 2 threads against 1). Wall-clock figures, so this is a benchmark, never a unit test. Arguments: [seconds
 * per measurement, default 5].
 */
public final class FuzzBench {
    private FuzzBench() {}

    static final int TASKS = 10;
    static final int AWAITS = 100;

    static Coroutine<Void> scenario() {
        return Coroutine.ofVoid("main", () -> {
            List<Task<Void>> tasks = new ArrayList<>(TASKS);
            for (int t = 0; t < TASKS; t++) {
                tasks.add(createTask(Coroutine.ofVoid(() -> {
                    for (int i = 0; i < AWAITS; i++) {
                        yieldNow();
                    }
                })));
            }
            for (Task<Void> t : tasks) {
                await(t);
            }
        });
    }

    static Simulation sweep(int seeds, int threads) {
        return sweep(Policy.random(), seeds, threads);
    }

    static Simulation sweep(Policy policy, int seeds, int threads) {
        return Simulation.of(FuzzBench::scenario).policy(policy).seeds(0x5EED, seeds).threads(threads);
    }

    /** Runs sweeps of {@code seeds} runs for about {@code seconds}; returns runs per second. */
    static double measure(int seeds, int threads, double seconds) {
        return measure(Policy.random(), seeds, threads, seconds);
    }

    static double measure(Policy policy, int seeds, int threads, double seconds) {
        long runs = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            SweepResult r = sweep(policy, seeds, threads).sweep();
            if (!r.failures().isEmpty()) {
                throw new AssertionError(r.report());
            }
            runs += r.runs();
            now = System.nanoTime();
        } while (now < end);
        return runs / ((now - start) / 1e9);
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Double.parseDouble(args[0]) : 5);
    }

    /**
     * Measures and prints the figures, spending about {@code 6 * seconds} of wall time; returns
     * {@code fuzz_runs_per_s}.
     */
    static double run(double seconds) {
        // Sweeps of 10,000 seeds, as a seed sweep or a hunt runs them; each sweep starts its threads afresh.
        int seeds = 10_000;
        measure(seeds, 1, seconds); // warm-up, both paths: the JIT settles on the 2-thread profile late otherwise
        measure(seeds, 2, seconds);
        Policy perIteration = Policy.random().perIteration();
        measure(perIteration, seeds, 1, seconds);
        double one = measure(seeds, 1, seconds);
        double oneIteration = measure(perIteration, seeds, 1, seconds);
        double two = measure(seeds, 2, seconds);
        System.out.printf(Locale.ROOT, "simloop-bench fuzz_runs_per_s %.0f runs/s%n", one);
        System.out.printf(Locale.ROOT, "simloop-bench fuzz_runs_per_s.iteration %.0f runs/s%n", oneIteration);
        System.out.printf(Locale.ROOT, "simloop-bench fuzz_parallel_speedup %.2f x%n", two / one);
        System.out.println("# fuzz: 10 tasks x 100 awaits, RANDOM, default trace, sweeps of 10,000 seeds, "
                + Runtime.getRuntime().availableProcessors() + " cpus");
        return one;
    }

    /**
     * Prints {@code fuzz_efficiency}: the share of a fuzz run's wall time that the switches alone would take,
     * {@code runs/s x steps per run x switch_ns}. Each step of this scenario is a task resumed and suspended again, as
     * in {@link SwitchBench}; the steps per run are counted on the first 100 seeds of the sweep.
     *
     * @param switchNanos {@code switch_ns.continuation} measured in the same command, or NaN if it was not
     */
    static void efficiency(double runsPerSecond, double switchNanos) {
        long steps = 0;
        int runs = 100;
        Simulation simulation = sweep(runs, 1);
        for (int i = 0; i < runs; i++) {
            steps += simulation.run(Seeds.of(0x5EED, i)).steps();
        }
        double stepsPerRun = steps / (double) runs;
        System.out.printf(Locale.ROOT, "simloop-bench fuzz_steps_per_run %.1f steps%n", stepsPerRun);
        if (Double.isNaN(switchNanos)) {
            System.out.println("# fuzz_efficiency: needs switch_ns.continuation from the same command (add switch)");
            return;
        }
        double share = runsPerSecond * stepsPerRun * switchNanos / 1e9;
        System.out.printf(Locale.ROOT, "simloop-bench fuzz_efficiency %.2f share%n", share);
        System.out.printf(Locale.ROOT, "# fuzz_efficiency: %.0f runs/s x %.1f steps/run x %.1f ns (switch_ns"
                + ".continuation) = the share of fuzz wall time spent switching%n", runsPerSecond, stepsPerRun,
                switchNanos);
    }
}

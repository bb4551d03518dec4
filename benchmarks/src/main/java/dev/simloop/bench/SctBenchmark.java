package dev.simloop.bench;

import dev.simloop.ExploreResult;
import dev.simloop.Policy;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import dev.simloop.scenarios.sctbench.SctBench;
import dev.simloop.scenarios.sctbench.SctProgram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The policies on the SCTBench ports ({@link SctBench}): how fast they run and how many bugs the default hunt finds.
 *
 * <p>Prints {@code sct_runs_per_s} (the median over the programs of a 1,000-seed RANDOM sweep's runs per second, every
 * seed run, default trace), {@code sct_found} (the programs whose bug the default portfolio finds within 1,000 seeds,
 * out of all of them) and {@code explore_schedules_per_s} (schedules per second of the delay-bounded search on
 * twostage_100 with bound 1, for 10 s). Wall-clock figures apart from {@code sct_found}, which is the same on every
 * machine.
 */
final class SctBenchmark {
    private SctBenchmark() {}

    static void run() {
        List<Double> speeds = new ArrayList<>();
        int found = 0;
        for (SctProgram p : SctBench.programs()) {
            Simulation random = p.simulation(Policy.random(), 1000).stopAtFirstFailure(false).shrink(false);
            random.sweep(); // warm-up
            long start = System.nanoTime();
            SweepResult r = random.sweep();
            speeds.add(r.runs() / ((System.nanoTime() - start) / 1e9));
            if (p.simulation(Policy.portfolio(0), 1000).shrink(false).sweep().firstFailure().isPresent()) {
                found++;
            }
        }
        speeds.sort(null);
        double median = speeds.get(speeds.size() / 2);
        System.out.printf(Locale.ROOT, "simloop-bench sct_runs_per_s %.0f runs/s%n", median);
        System.out.printf(Locale.ROOT, "# sct_runs_per_s: range %.0f to %.0f over the %d programs%n", speeds.get(0),
                speeds.get(speeds.size() - 1), speeds.size());
        System.out.printf(Locale.ROOT, "simloop-bench sct_found %d of %d%n", found, SctBench.programs().size());
        Simulation twostage = SctBench.named("twostage_100").orElseThrow().simulation(Policy.FIFO, 1)
                .searchLimits(Long.MAX_VALUE, Duration.ofSeconds(10));
        long start = System.nanoTime();
        ExploreResult e = twostage.explore(1);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "simloop-bench explore_schedules_per_s %.0f schedules/s%n",
                e.schedules() / seconds);
        System.out.println("# explore_schedules_per_s: twostage_100, at most 1 delay, " + e.schedules()
                + " schedules in " + String.format(Locale.ROOT, "%.1f", seconds) + " s, default trace");
    }
}

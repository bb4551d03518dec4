package dev.simloop.bench;

import dev.simloop.StrandBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The {@code simloop-bench} command: runs the benchmarks and prints one line per figure,
 * {@code simloop-bench <name> <value> <unit>}; lines starting with {@code #} add the spread and the settings.
 *
 * <p>Arguments: {@code all} (default) or any of {@code switch}, {@code timers}, {@code fuzz}, {@code sct},
 * {@code memory}, {@code trace}, {@code realtime}, {@code net}, as
 * separate arguments or one separated by commas ({@code -Dbench.args=switch,timers} through Maven).
 *
 * <p>A figure compared with another (simloop against a bare Continuation, against kotlinx-coroutines-test) is
 * measured in rounds: each round runs every side once, in a fork of its own, and the ratio is taken per round, so
 * that a change in the machine's load between rounds moves both sides. Each figure is the median of its samples,
 * printed with its interquartile range and extremes.
 */
public final class SimloopBench {
    private SimloopBench() {}

    /** Rounds of the compared figures; each runs every side once. */
    static final int ROUNDS = 3;

    private static final String BARE = BareContinuationBench.class.getName();
    private static final String SWITCH = SwitchBench.class.getName();
    private static final String TIMERS = TimersBench.class.getName();
    private static final String KOTLINX_SWITCH = "dev.simloop.bench.KotlinxSwitchBench";
    private static final String KOTLINX_TIMERS = "dev.simloop.bench.KotlinxTimersBench";

    public static void main(String[] args) throws Exception {
        List<String> asked = new ArrayList<>();
        for (String arg : args) {
            asked.addAll(List.of(arg.trim().split("[,\\s]+")));
        }
        List<String> all = List.of("switch", "timers", "fuzz", "sct", "memory", "trace", "realtime", "net");
        List<String> what = asked.isEmpty() || asked.contains("all") ? all : asked;
        if (!all.containsAll(what)) {
            System.err.println("simloop-bench: unknown benchmark in " + what + "; choose from " + all + " or all");
            System.exit(2);
        }
        System.out.println("# simloop-bench on " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cpus");
        double switchNs = Double.NaN;
        if (what.contains("switch")) {
            switchNs = switches();
        }
        if (what.contains("timers")) {
            timers();
        }
        if (what.contains("fuzz")) {
            System.err.println("simloop-bench: running FuzzBench (5 s warm-up and 5 s measurement, 1 and 2 threads)");
            double runsPerSecond = FuzzBench.run(5);
            FuzzBench.efficiency(runsPerSecond, switchNs);
        }
        if (what.contains("sct")) {
            System.err.println("simloop-bench: running SctBench (29 programs: sweeps, a hunt, a search; about 40 s)");
            SctBenchmark.run();
        }
        if (what.contains("memory")) {
            double mb = MemoryBench.megabytesForSuspendedTasks(1_000_000, StrandBackend.CONTINUATION);
            System.out.printf(Locale.ROOT, "simloop-bench memory_1m_tasks_mb %.1f MB%n", mb);
            System.out.println("# memory_1m_tasks_mb: CONTINUATION strand, heap after full GC, tasks suspended in sleep");
        }
        if (what.contains("trace")) {
            System.err.println("simloop-bench: running TraceBench (10^7 steps with the trace at its default level)");
            TraceBench.run(StrandBackend.CONTINUATION);
        }
        if (what.contains("realtime")) {
            System.err.println("simloop-bench: running RealtimeBench (wake-up and 1 ms timers, about 20 s per strand)");
            RealtimeBench.run();
        }
        if (what.contains("net")) {
            System.err.println("simloop-bench: running NetBench (1,000,000 datagrams x 16, a 1,000-operation history; about 30 s)");
            NetBench.run();
        }
    }

    /** The switch figures and their ratios; returns {@code switch_ns.continuation}. */
    private static double switches() throws RunnerException {
        boolean kotlinx = Jmh.present(KOTLINX_SWITCH);
        System.err.println("simloop-bench: running SwitchBench (JMH, " + ROUNDS + " rounds of bare Continuation, "
                + "CONTINUATION" + (kotlinx ? ", kotlinx" : "") + ": 1 fork each, 3 + 3 x 1 s; then BATON, 3 + 5 x 1 s)");
        Samples bare = new Samples(new double[0]);
        Samples simloop = bare;
        Samples other = bare;
        List<Double> overhead = new ArrayList<>();
        List<Double> versusKotlinx = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Samples b = Jmh.averageTime(BARE, null, 3, 3);
            Samples s = Jmh.averageTime(SWITCH, "CONTINUATION", 3, 3);
            bare = bare.plus(b);
            simloop = simloop.plus(s);
            overhead.add(s.median() / b.median());
            if (kotlinx) {
                Samples k = Jmh.averageTime(KOTLINX_SWITCH, null, 3, 3);
                other = other.plus(k);
                versusKotlinx.add(s.median() / k.median());
            }
        }
        Samples baton = Jmh.averageTime(SWITCH, "BATON", 3, 5);
        figure("switch_ns.continuation", simloop, "ns", 1);
        figure("switch_ns.baton", baton, "ns", 1);
        figure("switch_ns.bare_continuation", bare, "ns", 1);
        ratio("switch_overhead_ratio", Samples.of(overhead), "switch_ns.continuation / bare_continuation");
        if (kotlinx) {
            figure("switch_ns.kotlinx", other, "ns", 1);
            ratio("switch_vs_kotlinx_ratio", Samples.of(versusKotlinx), "switch_ns.continuation / kotlinx");
        } else {
            System.out.println("# switch_vs_kotlinx_ratio: kotlinx not built (the bench profile builds it)");
        }
        return simloop.median();
    }

    private static void timers() throws RunnerException {
        boolean kotlinx = Jmh.present(KOTLINX_TIMERS);
        System.err.println("simloop-bench: running TimersBench (JMH single shot, " + ROUNDS + " rounds of simloop"
                + (kotlinx ? " and kotlinx" : "") + ": 1 fork each, 10 + 15 runs)");
        Samples simloop = new Samples(new double[0]);
        Samples other = simloop;
        List<Double> versusKotlinx = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Samples s = Jmh.singleShot(TIMERS, 10, 15);
            simloop = simloop.plus(s);
            if (kotlinx) {
                Samples k = Jmh.singleShot(KOTLINX_TIMERS, 10, 15);
                other = other.plus(k);
                versusKotlinx.add(s.median() / k.median());
            }
        }
        figure("timers_100k_ms", simloop, "ms", 1);
        if (kotlinx) {
            figure("timers_100k_ms.kotlinx", other, "ms", 1);
            ratio("timers_vs_kotlinx_ratio", Samples.of(versusKotlinx), "timers_100k_ms / kotlinx");
        } else {
            System.out.println("# timers_vs_kotlinx_ratio: kotlinx not built (the bench profile builds it)");
        }
        System.out.println("# timers: single shots, heap collected before each, -Xms2g -Xmx2g -XX:+AlwaysPreTouch");
    }

    private static void figure(String name, Samples s, String unit, int decimals) {
        System.out.printf(Locale.ROOT, "simloop-bench %s %." + decimals + "f %s%n", name, s.median(), unit);
        System.out.printf(Locale.ROOT, "# %s: median of JMH iterations; %s%n", name, s.spread(decimals));
    }

    private static void ratio(String name, Samples perRound, String what) {
        System.out.printf(Locale.ROOT, "simloop-bench %s %.2f x%n", name, perRound.median());
        System.out.printf(Locale.ROOT, "# %s: %s, median of %d rounds' ratios of medians; %s%n", name, what,
                perRound.values().length, perRound.spread(2));
    }
}

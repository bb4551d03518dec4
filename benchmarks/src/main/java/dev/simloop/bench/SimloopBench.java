package dev.simloop.bench;

import dev.simloop.StrandBackend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The {@code simloop-bench} command: runs the benchmarks and prints one line per figure,
 * {@code simloop-bench <name> <value> <unit>}; lines starting with {@code #} add the error and the settings.
 *
 * <p>Arguments: {@code all} (default) or any of {@code switch}, {@code timers}, {@code fuzz}, {@code sct},
 * {@code memory}, {@code trace}, {@code realtime}, {@code net}, as
 * separate arguments or one separated by commas ({@code -Dbench.args=switch,timers} through Maven).
 */
public final class SimloopBench {
    private SimloopBench() {}

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
        if (what.contains("switch")) {
            for (RunResult r : jmh(SwitchBench.class)) {
                String backend = r.getParams().getParam("backend").toLowerCase(Locale.ROOT);
                figure("switch_ns." + backend, r, "ns");
            }
        }
        if (what.contains("timers")) {
            for (RunResult r : jmh(TimersBench.class)) {
                figure("timers_100k_ms", r, "ms");
            }
        }
        if (what.contains("fuzz")) {
            System.err.println("simloop-bench: running FuzzBench (5 s warm-up and 5 s measurement, 1 and 2 threads)");
            FuzzBench.run(5);
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

    private static Collection<RunResult> jmh(Class<?> benchmark) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmark.getName() + ".")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx2g", "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED")
                .verbosity(VerboseMode.SILENT);
        System.err.println("simloop-bench: running " + benchmark.getSimpleName() + " (JMH, 1 fork, 3+5 x 1 s)");
        return new Runner(options.build()).run();
    }

    private static void figure(String name, RunResult r, String unit) {
        double score = r.getPrimaryResult().getScore();
        double error = r.getPrimaryResult().getScoreError();
        System.out.printf(Locale.ROOT, "simloop-bench %s %.1f %s%n", name, score, unit);
        System.out.printf(Locale.ROOT, "# %s: +/- %.1f %s (99.9%% CI, JMH average time)%n", name, error, unit);
    }
}

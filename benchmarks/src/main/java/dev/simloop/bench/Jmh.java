package dev.simloop.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs one JMH benchmark in one fork and returns its measurement iterations' scores, one sample each. */
final class Jmh {
    private Jmh() {}

    /** Every fork: the Continuation strand's export, and a fixed, pre-touched heap so that sizing adds no noise. */
    static final String[] JVM_ARGS = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch",
        "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"};

    /**
     * Average time per operation over {@code measurements} iterations of one second each, after {@code warmups}.
     *
     * @param benchmark the class, not null
     * @param backend the {@code backend} parameter's value, or null for a benchmark without one
     */
    static Samples averageTime(String benchmark, String backend, int warmups, int measurements)
            throws RunnerException {
        ChainedOptionsBuilder options = options(benchmark)
                .mode(Mode.AverageTime)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(measurements)
                .measurementTime(TimeValue.seconds(1));
        if (backend != null) {
            options.param("backend", backend);
        }
        return scores(new Runner(options.build()).run());
    }

    /**
     * One operation per iteration, {@code measurements} of them after {@code warmups}; the heap is collected
     * before each iteration (JMH's {@code -gc true}), so that each starts from the same empty heap.
     *
     * @param benchmark the class, not null
     */
    static Samples singleShot(String benchmark, int warmups, int measurements) throws RunnerException {
        ChainedOptionsBuilder options = options(benchmark)
                .mode(Mode.SingleShotTime)
                .warmupIterations(warmups)
                .measurementIterations(measurements)
                .shouldDoGC(true);
        return scores(new Runner(options.build()).run());
    }

    /** Whether {@code benchmark} is on the class path (the kotlinx ones are built by the bench profile only). */
    static boolean present(String benchmark) {
        try {
            Class.forName(benchmark, false, Jmh.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static ChainedOptionsBuilder options(String benchmark) {
        return new OptionsBuilder()
                .include("^" + benchmark.replace(".", "\\.") + "\\.")
                .forks(1)
                .jvmArgsAppend(JVM_ARGS)
                .verbosity(VerboseMode.SILENT);
    }

    private static Samples scores(java.util.Collection<RunResult> results) {
        List<Double> scores = new ArrayList<>();
        for (RunResult r : results) {
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                }
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalStateException("JMH ran no iteration of " + benchmark(results));
        }
        return Samples.of(scores);
    }

    private static String benchmark(java.util.Collection<RunResult> results) {
        return results.isEmpty() ? "(nothing matched)" : results.iterator().next().getParams().getBenchmark();
    }
}

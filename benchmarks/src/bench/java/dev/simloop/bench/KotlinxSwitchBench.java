package dev.simloop.bench;

import dev.simloop.bench.kotlinx.KotlinxPrograms;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code switch_ns.kotlinx}: {@link SwitchBench}'s ping-pong in kotlinx-coroutines-test (two coroutines alternate
 * with {@code yield()} in {@code runTest}); nanoseconds per switch. Built only by the {@code bench} profile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KotlinxSwitchBench {

    @Benchmark
    @OperationsPerInvocation(2 * SwitchBench.YIELDS)
    public long pingPong() {
        return KotlinxPrograms.pingPong(SwitchBench.YIELDS);
    }
}

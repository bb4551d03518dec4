package dev.simloop.bench;

import dev.simloop.bench.kotlinx.KotlinxPrograms;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code timers_100k_ms.kotlinx}: {@link TimersBench}'s program in kotlinx-coroutines-test (100,000 coroutines each
 * {@code delay} the same seeded 0-10 s, all joined). Built only by the {@code bench} profile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KotlinxTimersBench {

    private long[] sleepNanos;

    @Setup
    public void delays() {
        sleepNanos = TimersBench.seededSleepNanos();
    }

    @Benchmark
    public long hundredThousandSleepers() {
        return KotlinxPrograms.sleepers(sleepNanos);
    }
}

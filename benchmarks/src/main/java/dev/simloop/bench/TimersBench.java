package dev.simloop.bench;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code timers_100k_ms}: 100,000 tasks each sleep a seeded random 0-10 s of virtual time, all awaited; one
 * invocation is one measurement (single shot), as each takes hundreds of milliseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimersBench {

    static final int TASKS = 100_000;
    private long[] sleepNanos;

    @Setup
    public void delays() {
        sleepNanos = seededSleepNanos();
    }

    /** The {@link #TASKS} sleeps, 0-10 s in nanoseconds, from seed 42: the same for simloop and kotlinx. */
    static long[] seededSleepNanos() {
        SplittableRandom random = new SplittableRandom(42);
        long[] nanos = new long[TASKS];
        for (int i = 0; i < TASKS; i++) {
            nanos[i] = random.nextLong(Duration.ofSeconds(10).toNanos() + 1);
        }
        return nanos;
    }

    @Benchmark
    public long hundredThousandSleepers() {
        return EventLoop.run(Coroutine.of(() -> {
            List<Task<Void>> tasks = new ArrayList<>(TASKS);
            for (long nanos : sleepNanos) {
                tasks.add(createTask(Coroutine.ofVoid(() -> sleep(Duration.ofNanos(nanos)))));
            }
            for (Task<Void> t : tasks) {
                await(t);
            }
            return Sim.time();
        }));
    }

    /** Reads the loop's clock from inside the coroutine. */
    private static final class Sim {
        static long time() {
            return dev.simloop.Sim.currentLoop().time();
        }
    }
}

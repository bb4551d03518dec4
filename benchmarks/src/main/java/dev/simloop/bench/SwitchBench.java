package dev.simloop.bench;

import static dev.simloop.Sim.yieldNow;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.StrandBackend;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code switch_ns}: two tasks alternate with {@code sleep(0)}; nanoseconds per switch (one task suspends, the loop
 * runs its next step, the other resumes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SwitchBench {

    /** Yields per task in one invocation; 2 x this many switches. */
    static final int YIELDS = 20_000;

    @Param({"CONTINUATION", "BATON"})
    public String backend;

    @Benchmark
    @OperationsPerInvocation(2 * YIELDS)
    public long pingPong() {
        try (EventLoop loop = EventLoop.builder().strands(StrandBackend.valueOf(backend)).build()) {
            for (int t = 0; t < 2; t++) {
                loop.createTask(Coroutine.ofVoid(() -> {
                    for (int i = 0; i < YIELDS; i++) {
                        yieldNow();
                    }
                }));
            }
            loop.runUntilIdle();
            return loop.stepCount();
        }
    }
}

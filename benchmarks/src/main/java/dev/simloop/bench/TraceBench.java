package dev.simloop.bench;

import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.StrandBackend;
import dev.simloop.TraceLevel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code trace_heap_mb_1e6}, {@code trace_heap_mb_1e7} and {@code trace_bytes_per_step}: heap a loop holds with the
 * trace at {@link TraceLevel#DEFAULT} after 10^6 and after 10^7 steps of one task sleeping 1 ms in a loop (two steps a sleep), and the
 * heap it gained per step between the two.
 *
 * <p>Heap in use after full collections, minus the same before the loop was built. Not a JMH benchmark: it measures
 * space, once.
 */
final class TraceBench {
    private TraceBench() {}

    static void run(StrandBackend backend) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = MemoryBench.usedAfterGc(memory);
        long atMillion;
        long atTenMillion;
        long steps1;
        long steps2;
        try (EventLoop loop = EventLoop.builder().strands(backend).trace(TraceLevel.DEFAULT).build()) {
            loop.runUntilComplete(loop.createTask("sleeper", sleeper(500_000)));
            steps1 = loop.stepCount();
            atMillion = MemoryBench.usedAfterGc(memory) - before;
            loop.runUntilComplete(loop.createTask("sleeper", sleeper(4_500_000)));
            steps2 = loop.stepCount();
            atTenMillion = MemoryBench.usedAfterGc(memory) - before;
            if (loop.trace().fingerprint() == 0) {
                throw new IllegalStateException("the trace must be held until here");
            }
        }
        double perStep = (double) (atTenMillion - atMillion) / (steps2 - steps1);
        System.out.printf(Locale.ROOT, "simloop-bench trace_heap_mb_1e6 %.1f MB%n", atMillion / (1024.0 * 1024.0));
        System.out.printf(Locale.ROOT, "simloop-bench trace_heap_mb_1e7 %.1f MB%n", atTenMillion / (1024.0 * 1024.0));
        System.out.printf(Locale.ROOT, "simloop-bench trace_bytes_per_step %.1f B%n", perStep);
        System.out.printf(Locale.ROOT, "# trace: %s strand, TraceLevel.DEFAULT, default trace capacity; heap after full "
                + "GC after %d and %d steps; bytes per step is the growth between the two%n", backend, steps1, steps2);
    }

    /** One sleep of 1 ms per iteration: two steps (the timer, then the task). */
    private static Coroutine<Void> sleeper(int sleeps) {
        return Coroutine.ofVoid(() -> {
            for (int i = 0; i < sleeps; i++) {
                sleep(Duration.ofMillis(1));
            }
        });
    }
}

package dev.simloop.bench;

import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.StrandBackend;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * {@code memory_1m_tasks_mb}: heap held by 1,000,000 tasks, all suspended in a sleep at once.
 *
 * <p>Heap in use after full collections, with the tasks suspended, minus the same before they were created. Not a
 * JMH benchmark: it measures space, once, in a JVM with room for it.
 */
final class MemoryBench {
    private MemoryBench() {}

    static double megabytesForSuspendedTasks(int tasks, StrandBackend backend) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long held;
        try (EventLoop loop = EventLoop.builder().strands(backend).onProblem(p -> {}).build()) {
            for (int i = 0; i < tasks; i++) {
                loop.createBackgroundTask(null, Coroutine.ofVoid(() -> sleep(Duration.ofHours(1))));
            }
            loop.runCurrent(); // every task runs to its sleep and suspends there
            if (loop.pendingTasks().size() != tasks) {
                throw new IllegalStateException("expected " + tasks + " suspended tasks");
            }
            held = usedAfterGc(memory) - before;
            if (loop.stepCount() != tasks) {
                throw new IllegalStateException("expected one step per task, got " + loop.stepCount());
            }
        }
        return held / (1024.0 * 1024.0);
    }

    /** Heap in use after full collections: the least of four, as a collection may leave floating garbage. */
    static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

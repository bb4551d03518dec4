package dev.simloop.bench;

import dev.simloop.EventLoop;
import dev.simloop.StrandBackend;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The real-time loop's latencies, measured with {@link System#nanoTime()} (not JMH: these are distributions of single
 * events, not throughput). Each figure is a percentile over {@link #SAMPLES} events after {@link #WARMUP} discarded.
 *
 * <ul>
 *   <li>wake-up: from {@code callSoonThreadsafe} on another thread to the callback running, with the loop parked
 *       in between (the producer leaves 200 us between hand-overs, so each one wakes a sleeping loop);</li>
 *   <li>timer lateness: how long after its deadline a 1 ms {@code callLater} runs, each timer set by the last.</li>
 * </ul>
 */
final class RealtimeBench {
    private RealtimeBench() {}

    static final int WARMUP = 2_000;
    static final int SAMPLES = 10_000;

    static void run() throws Exception {
        for (StrandBackend backend : new StrandBackend[] {StrandBackend.CONTINUATION, StrandBackend.BATON}) {
            long[] wake = wakeupNanos(backend);
            long[] late = timerLateNanos(backend);
            String suffix = backend == StrandBackend.CONTINUATION ? "" : "." + backend.name().toLowerCase(Locale.ROOT);
            String prefix = backend == StrandBackend.CONTINUATION ? "simloop-bench " : "# simloop-bench ";
            print(prefix, "realtime_wakeup_us_p50" + suffix, percentile(wake, 50));
            print(prefix, "realtime_wakeup_us_p99" + suffix, percentile(wake, 99));
            print(prefix, "realtime_timer_late_us_p99" + suffix, percentile(late, 99));
            System.out.printf(Locale.ROOT, "# realtime on %s: timer lateness p50 %.1f us, wake-up max %.1f us, "
                    + "%d samples after %d warm-up%n", backend, percentile(late, 50) / 1e3, wake[wake.length - 1] / 1e3,
                    SAMPLES, WARMUP);
        }
    }

    private static void print(String prefix, String name, double nanos) {
        System.out.printf(Locale.ROOT, "%s%s %.1f us%n", prefix, name, nanos / 1e3);
    }

    /** A platform thread that owns a real-time loop and runs it until stopped. */
    private static EventLoop startLoop(StrandBackend backend, CompletableFuture<Void> ended) throws Exception {
        CompletableFuture<EventLoop> built = new CompletableFuture<>();
        Thread.ofPlatform().name("bench-loop").start(() -> {
            try (EventLoop loop = EventLoop.builder().name("bench").realTime().strands(backend).build()) {
                built.complete(loop);
                loop.runForever();
            }
            ended.complete(null);
        });
        return built.get(10, TimeUnit.SECONDS);
    }

    private static long[] wakeupNanos(StrandBackend backend) throws Exception {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        EventLoop loop = startLoop(backend, ended);
        long[] all = new long[WARMUP + SAMPLES];
        int[] done = new int[1];
        Object lock = new Object();
        for (int i = 0; i < all.length; i++) {
            int index = i;
            long sent = System.nanoTime();
            loop.callSoonThreadsafe(() -> {
                all[index] = System.nanoTime() - sent;
                synchronized (lock) {
                    done[0] = index + 1;
                }
            });
            while (true) {
                synchronized (lock) {
                    if (done[0] == index + 1) {
                        break;
                    }
                }
                LockSupport.parkNanos(20_000);
            }
            LockSupport.parkNanos(200_000);
        }
        loop.stopThreadsafe();
        ended.get(10, TimeUnit.SECONDS);
        return sorted(all);
    }

    private static long[] timerLateNanos(StrandBackend backend) throws Exception {
        long[] all = new long[WARMUP + SAMPLES];
        try (EventLoop loop = EventLoop.builder().name("bench").realTime().strands(backend).build()) {
            int[] next = new int[1];
            Runnable[] fire = new Runnable[1];
            long[] due = new long[1];
            fire[0] = () -> {
                all[next[0]++] = System.nanoTime() - due[0];
                if (next[0] == all.length) {
                    loop.stop();
                    return;
                }
                due[0] = System.nanoTime() + 1_000_000;
                loop.callLater(Duration.ofMillis(1), fire[0]);
            };
            due[0] = System.nanoTime() + 1_000_000;
            loop.callLater(Duration.ofMillis(1), fire[0]);
            loop.runForever();
        }
        return sorted(all);
    }

    private static long[] sorted(long[] all) {
        long[] samples = Arrays.copyOfRange(all, WARMUP, all.length);
        Arrays.sort(samples);
        return samples;
    }

    private static double percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}

package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The real-time loop: timers wait in real time, work handed over by other threads wakes it. Waits are bounded by
 * Awaitility's {@code atMost} as a hang guard only; the tests assert order and "not early", never speed.
 */
class RealTimeLoopTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @Test
    void timersFireInDeadlineOrderAndNeverBeforeTheirDeadline() {
        try (EventLoop loop = EventLoop.builder().realTime().build()) {
            List<String> fired = new ArrayList<>();
            long start = System.nanoTime();
            long base = loop.time();
            for (int ms : new int[] {30, 10, 20, 10}) {
                long due = base + TimeUnit.MILLISECONDS.toNanos(ms);
                loop.callAt(due, () -> fired.add(ms + " ms"
                        + (loop.time() >= due && System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(ms)
                                ? "" : " EARLY")));
            }
            loop.runUntilIdle();
            assertThat(fired).containsExactly("10 ms", "10 ms", "20 ms", "30 ms");
        }
    }

    @Test
    void advanceByRunsARealTimeLoopForThatLongAndNoLess() {
        try (EventLoop loop = EventLoop.builder().realTime().build()) {
            List<String> log = new ArrayList<>();
            loop.callLater(Duration.ofMillis(10), () -> log.add("timer at 10 ms"));
            loop.callLater(Duration.ofSeconds(30), () -> log.add("timer at 30 s"));
            long start = System.nanoTime();
            loop.advanceBy(Duration.ofMillis(50));
            assertThat(log).containsExactly("timer at 10 ms");
            assertThat(loop.time()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void aCoroutineSleepsInRealTime() {
        long start = System.nanoTime();
        long slept = EventLoop.builder().realTime().run(Coroutine.of(() -> {
            long before = Sim.currentLoop().time();
            Sim.sleep(Duration.ofMillis(50));
            return Sim.currentLoop().time() - before;
        }));
        assertThat(slept).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void workHandedOverByOtherThreadsRunsOnTheLoopThreadInFifoOrderPerThread() throws Exception {
        LoopThread owner = LoopThread.runningForever("fifo");
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<Thread> producers = new ArrayList<>();
        for (String who : List.of("a", "b")) {
            producers.add(Thread.ofPlatform().name("producer-" + who).start(() -> {
                for (int i = 0; i < 200; i++) {
                    String item = who + i;
                    owner.loop.callSoonThreadsafe(() -> ran.add(owner.loop.isLoopThread() ? item : item + " OFF"));
                }
            }));
        }
        for (Thread p : producers) {
            p.join();
        }
        owner.loop.stopThreadsafe();
        await().atMost(HANG_GUARD).until(owner.ended::isDone);
        owner.ended.get();
        assertThat(ran).hasSize(400).noneMatch(s -> s.endsWith("OFF"));
        assertThat(ran.stream().filter(s -> s.startsWith("a")).toList())
                .isEqualTo(IntStream.range(0, 200).mapToObj(i -> "a" + i).toList());
        assertThat(ran.stream().filter(s -> s.startsWith("b")).toList())
                .isEqualTo(IntStream.range(0, 200).mapToObj(i -> "b" + i).toList());
    }

    @Test
    void anIdleLoopIsWokenByEveryHandOverWithoutMissingOne() throws Exception {
        LoopThread owner = LoopThread.runningForever("ping-pong");
        AtomicInteger pongs = new AtomicInteger();
        for (int i = 1; i <= 500; i++) {
            owner.loop.callSoonThreadsafe(pongs::incrementAndGet);
            int expected = i;
            await().atMost(HANG_GUARD).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> pongs.get() == expected);
        }
        owner.loop.stopThreadsafe();
        await().atMost(HANG_GUARD).until(owner.ended::isDone);
        assertThat(pongs).hasValue(500);
    }

    @Test
    void aCoroutineAwaitingAFutureCompletedByAnotherThreadResumesOnTheLoopThread() {
        List<String> log = EventLoop.builder().realTime().run(Coroutine.of(() -> {
            EventLoop loop = Sim.currentLoop();
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> "pong",
                    CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
            String got = Sim.await(reply);
            return List.of(got, "on the loop thread: " + loop.isLoopThread());
        }));
        assertThat(log).containsExactly("pong", "on the loop thread: true");
    }

    @Test
    void toThreadRunsTheBlockingCallOnAnotherThreadWhileTheLoopGoesOn() {
        List<String> log = EventLoop.builder().realTime().run(Coroutine.of(() -> {
            List<String> events = new ArrayList<>();
            Task<Void> ticker = Sim.createTask(Coroutine.ofVoid(() -> events.add("loop went on")));
            Thread loopThread = Thread.currentThread();
            String result = Sim.toThread(() -> {
                Thread.sleep(30);
                return Thread.currentThread() != loopThread ? "blocked elsewhere" : "blocked the loop";
            });
            Sim.await(ticker);
            events.add(result);
            return events;
        }));
        assertThat(log).containsExactly("loop went on", "blocked elsewhere");
    }

    @Test
    void toThreadRethrowsTheCallsExceptionUnchanged() {
        assertThatThrownBy(() -> EventLoop.builder().realTime().run(Coroutine.of(() -> Sim.toThread(() -> {
            throw new java.io.IOException("disk gone");
        })))).isInstanceOf(java.io.IOException.class).hasMessage("disk gone");
    }
}

package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** runForever, stop, stopThreadsafe and the graceful close of a real-time loop; misuse fails fast. */
class RealTimeLifecycleTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @Test
    void stopFinishesTheCurrentIterationThenRunForeverReturns() {
        for (EventLoop.Builder settings : List.of(EventLoop.builder(), EventLoop.builder().realTime())) {
            try (EventLoop loop = settings.build()) {
                List<String> log = new ArrayList<>();
                loop.callSoon(() -> log.add("a"));
                loop.callSoon(() -> {
                    log.add("stop");
                    loop.stop();
                    loop.callSoon(() -> log.add("next iteration"));
                });
                loop.callSoon(() -> log.add("b"));
                loop.runForever();
                assertThat(log).containsExactly("a", "stop", "b");
                loop.callSoon(loop::stop);
                loop.runForever();
                assertThat(log).containsExactly("a", "stop", "b", "next iteration");
            }
        }
    }

    @Test
    void stopThreadsafeFromAnotherThreadEndsRunForeverAndTheOwnerClosesTheLoop() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        LoopThread owner = LoopThread.start(EventLoop.builder().name("server").realTime(), loop -> {
            loop.createTask("worker", Coroutine.ofVoid(() -> {
                try {
                    Sim.sleep(Duration.ofHours(1));
                } catch (CancelledException e) {
                    log.add("worker cancelled");
                    throw e;
                } finally {
                    log.add("worker cleaned up on the loop thread: " + loop.isLoopThread());
                }
            }));
            loop.callSoon(() -> log.add("serving"));
            loop.runForever();
            log.add("runForever returned");
        });
        await().atMost(HANG_GUARD).until(() -> log.contains("serving"));
        owner.loop.stopThreadsafe();
        await().atMost(HANG_GUARD).until(owner.ended::isDone);
        owner.ended.get();
        assertThat(log).containsExactly("serving", "runForever returned", "worker cancelled",
                "worker cleaned up on the loop thread: true");
        assertThat(owner.loop.isClosed()).isTrue();
    }

    @Test
    void aForeignThreadCannotRunCloseOrScheduleOnARealTimeLoop() throws Exception {
        LoopThread owner = LoopThread.runningForever("confined");
        EventLoop loop = owner.loop;
        assertThatThrownBy(() -> loop.callLater(Duration.ofMillis(1), () -> {})).isInstanceOf(WrongThreadException.class)
                .hasMessage("Event loop 'confined' was called from thread '" + Thread.currentThread().getName()
                        + "', but it belongs to thread 'loop-owner'. A loop is confined to one thread; from other "
                        + "threads use callSoonThreadsafe(...) only.");
        assertThatThrownBy(loop::close).isInstanceOf(WrongThreadException.class);
        assertThatThrownBy(loop::stop).isInstanceOf(WrongThreadException.class);
        assertThatThrownBy(loop::runForever).isInstanceOf(WrongThreadException.class);
        loop.stopThreadsafe();
        await().atMost(HANG_GUARD).until(owner.ended::isDone);
        owner.ended.get();
    }

    @Test
    void aCallbackThatBlocksTheRealTimeLoopIsReportedAsInSimulation() {
        try (EventLoop loop = EventLoop.builder().name("rt").realTime().blockedThreshold(Duration.ofMillis(50))
                .build()) {
            Task<Void> t = loop.createTask("sleepy", Coroutine.ofVoid(() -> Thread.sleep(600)));
            assertThatThrownBy(() -> loop.runUntilComplete(t)).isInstanceOf(BlockedLoopException.class)
                    .hasMessageStartingWith("Task 'sleepy' has blocked the thread of event loop 'rt' for ");
        }
    }

    @Test
    void aVirtualTimeRunForeverWithNothingLeftIsADeadlock() {
        try (EventLoop loop = EventLoop.create()) {
            loop.callLater(Duration.ofSeconds(1), () -> {});
            assertThatThrownBy(loop::runForever).isInstanceOf(DeadlockException.class).hasMessage("Deadlock: "
                    + "runForever() can never return, as stop() was never called: nothing is ready to run and no "
                    + "timer is pending (virtual time 1 s, step 1). No task is pending: nothing will ever complete "
                    + "it.\nLook for a future that nobody resolves, an event nobody sets, or tasks that await each "
                    + "other.");
        }
    }

    @Test
    void aRealTimeLoopRunsFifoOnlyAndIsNoSimulation() {
        assertThatThrownBy(() -> EventLoop.builder().policy(Policy.random()).realTime())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: a real-time loop runs its callbacks in FIFO order only, but the "
                        + "policy is RANDOM. Seeded policies are for simulation: test the same code on a virtual-time "
                        + "loop.");
        assertThatThrownBy(() -> EventLoop.builder().realTime().policy(Policy.pos()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Simulation.of(() -> Coroutine.ofVoid(() -> {})).loop(EventLoop.builder().realTime()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: a simulation runs on virtual time, but the loop settings are "
                        + "realTime(). Pass the builder without realTime().");
        try (EventLoop loop = EventLoop.builder().realTime().build()) {
            assertThat(loop.isRealTime()).isTrue();
        }
    }
}

package dev.simloop;

import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.internal.VirtualTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK's ScheduledExecutorService semantics, pinned at exact virtual times (in seconds here). */
class ScheduledExecutorTest {

    private final List<String> log = new ArrayList<>();
    private final EventLoop loop = EventLoop.builder().onProblem(p -> log.add("problem: " + p.message())).build();
    private final SimScheduledExecutor executor = loop.scheduledExecutor();

    @AfterEach
    void close() {
        loop.close();
    }

    private String now() {
        return VirtualTimes.format(loop.time());
    }

    private void mark(String what) {
        log.add(what + "@" + now());
    }

    /**
     * A periodic job whose first run is slow. A run takes virtual time only where it waits in virtual time; this one
     * sleeps, as a run blocked on a slow call would wait for it. Runs that do not wait take no virtual time at all.
     */
    private Runnable firstRunTakes(Duration slow) {
        int[] runs = {0};
        return () -> {
            mark("start " + ++runs[0]);
            if (runs[0] == 1) {
                sleep(slow);
            }
            mark("end " + runs[0]);
        };
    }

    /** Waiting for ever beside a periodic task does not deadlock (the timer is always due); the limits end it. */
    @Test
    void aWaitForEverBesideAPeriodicTaskEndsAtTheVirtualTimeLimit() {
        try (EventLoop limited = EventLoop.builder().maxVirtualTime(Duration.ofSeconds(1)).build()) {
            int[] runs = {0};
            limited.scheduledExecutor().scheduleAtFixedRate(() -> runs[0]++, 0, 250, TimeUnit.MILLISECONDS);
            SimFuture<Void> never = limited.createFuture("never");
            assertThatThrownBy(() -> limited.runUntilComplete(never)).isInstanceOf(LimitExceededException.class)
                    .hasMessage("""
                            The run passed its virtual-time limit (maxVirtualTime = 1 s): the next timer is due at \
                            1.25 s (virtual time 1 s, step 10). No task is still running: only background work \
                            remains (a periodic task's next run is due), and the run waits for something that work \
                            does not do.
                            A periodic task keeps virtual time moving, so a wait for ever beside it never deadlocks: \
                            wait with a timeout, or drive time with advanceBy.""");
            assertThat(runs[0]).isEqualTo(5);
        }
    }

    @Test
    void oneShotTasksRunAtTheirDelayInDueOrder() throws Exception {
        ScheduledFuture<String> b = executor.schedule(() -> {
            mark("b");
            return "B";
        }, 2, TimeUnit.SECONDS);
        executor.schedule(() -> mark("a"), 1500, TimeUnit.MILLISECONDS);
        executor.execute(() -> mark("now"));
        executor.schedule(() -> mark("negative delay is now"), -5, TimeUnit.SECONDS);
        assertThat(b.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        loop.runUntilIdle();
        assertThat(log).containsExactly("now@0 s", "negative delay is now@0 s", "a@1.5 s", "b@2 s");
        assertThat(b.get()).isEqualTo("B");
        assertThat(b.getDelay(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void fixedRateRunsLateAfterASlowRunButNeverConcurrentlyThenCatchesUp() {
        executor.scheduleAtFixedRate(firstRunTakes(Duration.ofMillis(2500)), 1, 1, TimeUnit.SECONDS);
        loop.advanceBy(Duration.ofSeconds(6));
        assertThat(log).containsExactly(
                "start 1@1 s", "end 1@3.5 s",
                "start 2@3.5 s", "end 2@3.5 s", // due at 2 s: late, at once when run 1 ends
                "start 3@3.5 s", "end 3@3.5 s", // due at 3 s: late too, right after
                "start 4@4 s", "end 4@4 s",     // back on the grid: first + n * period
                "start 5@5 s", "end 5@5 s",
                "start 6@6 s", "end 6@6 s");
    }

    @Test
    void fixedDelayCountsTheDelayFromTheEndOfEachRun() {
        executor.scheduleWithFixedDelay(firstRunTakes(Duration.ofMillis(2500)), 1, 1, TimeUnit.SECONDS);
        loop.advanceBy(Duration.ofSeconds(6));
        assertThat(log).containsExactly(
                "start 1@1 s", "end 1@3.5 s",
                "start 2@4.5 s", "end 2@4.5 s",
                "start 3@5.5 s", "end 3@5.5 s");
    }

    @Test
    void aRunThatThrowsStopsTheRepetitionsAndFailsTheFuture() {
        int[] runs = {0};
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(() -> {
            mark("run " + ++runs[0]);
            if (runs[0] == 3) {
                throw new IllegalStateException("third run failed");
            }
        }, 0, 1, TimeUnit.SECONDS);
        loop.advanceBy(Duration.ofSeconds(10));
        assertThat(log).containsExactly("run 1@0 s", "run 2@1 s", "run 3@2 s");
        assertThat(f.isDone()).isTrue();
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("third run failed");
    }

    @Test
    void cancellingAPeriodicTaskStopsItsRuns() {
        ScheduledFuture<?> f = executor.scheduleWithFixedDelay(() -> mark("tick"), 1, 1, TimeUnit.SECONDS);
        executor.schedule(() -> log.add("cancel: " + f.cancel(false)), 2500, TimeUnit.MILLISECONDS);
        loop.advanceBy(Duration.ofSeconds(5));
        assertThat(log).containsExactly("tick@1 s", "tick@2 s", "cancel: true");
        assertThat(f.isCancelled()).isTrue();
        assertThat(f.cancel(true)).isFalse();
        assertThatThrownBy(f::get).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancelWithInterruptCancelsTheRunInProgress() {
        ScheduledFuture<?> f = executor.schedule(() -> {
            mark("start");
            try {
                sleep(Duration.ofSeconds(10));
            } finally {
                mark("unwound");
            }
        }, 1, TimeUnit.SECONDS);
        loop.advanceBy(Duration.ofSeconds(2));
        assertThat(f.cancel(true)).isTrue();
        loop.runUntilIdle();
        assertThat(log).containsExactly("start@1 s", "unwound@2 s");
        assertThat(f.isCancelled()).isTrue();
    }

    @Test
    void aRunIsATaskCreatedWhenTheRunIsDueSoItStartsOneIterationLater() {
        executor.execute(() -> log.add("run of " + Sim.currentTask().name()));
        loop.callSoon(() -> log.add("callSoon after execute"));
        loop.runUntilIdle();
        assertThat(log).containsExactly("callSoon after execute", "run of scheduled-1");
        assertThat(loop.stepCount()).isEqualTo(3);
    }

    @Test
    void badArgumentsAndAClosedLoopAreRefused() {
        assertThatThrownBy(() -> executor.scheduleAtFixedRate(() -> {}, 0, 0, TimeUnit.SECONDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The period of a periodic task must be positive, was 0.");
        assertThatThrownBy(() -> executor.scheduleWithFixedDelay(() -> {}, 0, -1, TimeUnit.SECONDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The delay of a periodic task must be positive, was -1.");
        loop.close();
        assertThatThrownBy(() -> executor.submit(() -> "late"))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("Executor 'scheduled' rejected a task: its event loop 'loop' is closed.");
    }

    @Test
    void eachCallMakesAnotherExecutorNamedApart() {
        SimScheduledExecutor second = loop.scheduledExecutor();
        assertThat(second).isNotSameAs(executor);
        assertThat(executor.name()).isEqualTo("scheduled");
        assertThat(second.name()).isEqualTo("scheduled#2");
        second.shutdown();
        executor.schedule(() -> mark("first still runs"), 1, TimeUnit.SECONDS);
        loop.runUntilIdle();
        assertThat(log).containsExactly("first still runs@1 s");
        assertThat(second.isShutdown()).isTrue();
        assertThat(executor.isShutdown()).isFalse();
    }

    @Test
    void periodicTasksDoNotKeepRunUntilIdleGoing() {
        executor.scheduleAtFixedRate(() -> mark("sweep"), 0, 1, TimeUnit.MINUTES);
        executor.schedule(() -> mark("one-shot"), 90, TimeUnit.SECONDS);
        loop.runUntilIdle();
        assertThat(log).containsExactly("sweep@0 s", "sweep@60 s", "one-shot@90 s");
    }

    @Test
    void runUntilIdleRunsAPeriodicTasksFirstRunButNotItsRepetitions() {
        executor.scheduleAtFixedRate(() -> mark("tick"), 0, 250, TimeUnit.MILLISECONDS);
        loop.runUntilIdle();
        assertThat(log).containsExactly("tick@0 s");
        assertThat(loop.time()).isZero();
        loop.advanceBy(Duration.ofMillis(500));
        assertThat(log).containsExactly("tick@0 s", "tick@0.25 s", "tick@0.5 s");
    }

    @Test
    void runUntilIdleAdvancesToAPeriodicTasksFirstRunDueLater() {
        executor.scheduleWithFixedDelay(() -> mark("tick"), 1, 1, TimeUnit.SECONDS);
        loop.runUntilIdle();
        assertThat(log).containsExactly("tick@1 s");
        assertThat(loop.time()).isEqualTo(1_000_000_000L);
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.internal.VirtualTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** shutdown, shutdownNow and termination, in virtual time. */
class ExecutorShutdownTest {

    private final List<String> log = new ArrayList<>();
    private final EventLoop loop = EventLoop.builder().onProblem(p -> log.add("problem: " + p.message())).build();
    private final SimScheduledExecutor executor = loop.scheduledExecutor();

    @AfterEach
    void close() {
        loop.close();
    }

    private void mark(String what) {
        log.add(what + "@" + VirtualTimes.format(loop.time()));
    }

    @Test
    void shutdownCancelsPeriodicTasksRefusesNewOnesAndLetsDelayedOnesRun() {
        ScheduledFuture<?> sweep = executor.scheduleAtFixedRate(() -> mark("sweep"), 0, 1, TimeUnit.SECONDS);
        executor.schedule(() -> mark("delayed"), 5, TimeUnit.SECONDS);
        loop.advanceBy(Duration.ofMillis(1500));
        executor.shutdown();
        assertThat(sweep.isCancelled()).isTrue();
        assertThat(executor.isShutdown()).isTrue();
        assertThat(executor.isTerminated()).isFalse();
        assertThatThrownBy(() -> executor.execute(() -> mark("late")))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("Executor 'scheduled' rejected a task: it is shut down.");
        assertThat(executor.awaitTermination(1, TimeUnit.HOURS)).isTrue();
        assertThat(log).containsExactly("sweep@0 s", "sweep@1 s", "delayed@5 s");
        assertThat(executor.isTerminated()).isTrue();
        assertThat(executor).hasToString("SimScheduledExecutor[scheduled, terminated, 0 tasks]");
    }

    @Test
    void aPeriodicRunInProgressAtShutdownFinishesAndIsNotRepeated() {
        executor.scheduleAtFixedRate(() -> {
            mark("start");
            sleep(Duration.ofSeconds(2));
            mark("end");
        }, 0, 1, TimeUnit.SECONDS);
        loop.advanceBy(Duration.ofSeconds(1));
        executor.shutdown();
        assertThat(executor.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(log).containsExactly("start@0 s", "end@2 s");
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void shutdownNowReturnsTheTasksNotStartedInDueOrderAndCancelsTheRunsInProgress() {
        ScheduledFuture<?> running = executor.schedule(() -> {
            mark("start");
            try {
                sleep(Duration.ofHours(1));
            } finally {
                mark("interrupted");
            }
        }, 0, TimeUnit.SECONDS);
        ScheduledFuture<?> later = executor.schedule(() -> mark("later"), 20, TimeUnit.SECONDS);
        ScheduledFuture<?> sooner = executor.schedule(() -> mark("sooner"), 10, TimeUnit.SECONDS);
        loop.advanceBy(Duration.ofSeconds(1));
        List<Runnable> notStarted = executor.shutdownNow();
        assertThat(notStarted).containsExactly((Runnable) sooner, (Runnable) later);
        assertThat(sooner.isDone()).isFalse();
        loop.runUntilIdle();
        assertThat(log).containsExactly("start@0 s", "interrupted@1 s");
        assertThat(running.isCancelled()).isTrue();
        assertThat(executor.isTerminated()).isTrue();
        notStarted.get(0).run();
        assertThat(sooner.isDone()).isTrue();
        assertThat(log).endsWith("sooner@1 s");
    }

    @Test
    void awaitTerminationRunsTheLoopUntilTheVirtualDeadline() {
        executor.schedule(() -> mark("slow"), 1, TimeUnit.HOURS);
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.MINUTES)).isFalse();
        assertThat(loop.time()).isEqualTo(Duration.ofMinutes(10).toNanos());
        assertThat(executor.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS)).isTrue();
        assertThat(log).containsExactly("slow@3600 s");
    }

    @Test
    void awaitTerminationThatCanNeverEndIsADeadlockNotAHang() {
        SimFuture<Void> never = loop.createFuture("never");
        executor.submit(() -> await(never.toCompletableFuture()));
        executor.shutdown();
        assertThatThrownBy(() -> executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS))
                .isInstanceOf(DeadlockException.class)
                .hasMessage("Deadlock: future 'awaitTermination(...) of scheduled' can never finish: nothing is "
                        + "ready to run and no timer is pending (virtual time 0 s, step 2). Pending tasks, in "
                        + "creation order:\n  - 'scheduled-1' waiting on future 'awaited CompletionStage'\n"
                        + "Look for a future that nobody resolves, an event nobody sets, or tasks that await each "
                        + "other.");
        never.cancel();
        loop.runUntilIdle();
    }

    @Test
    void closeShutsDownAndWaitsForTheTasksInVirtualTime() {
        executor.schedule(() -> mark("last"), 2, TimeUnit.DAYS);
        executor.scheduleAtFixedRate(() -> mark("sweep"), 1, 1, TimeUnit.DAYS);
        try (SimScheduledExecutor closing = executor) {
            mark("closing " + closing.name());
        }
        assertThat(log).containsExactly("closing scheduled@0 s", "last@172800 s");
        assertThat(executor.isTerminated()).isTrue();
    }

    @Test
    void aCoroutineAwaitsTerminationInsteadOfBlocking() {
        executor.schedule(() -> mark("work"), 3, TimeUnit.SECONDS);
        String result = loop.runUntilComplete(Coroutine.of(() -> {
            executor.shutdown();
            try {
                executor.awaitTermination(1, TimeUnit.MINUTES);
            } catch (IllegalStateException e) {
                log.add(e.getMessage());
            }
            await(executor.whenTerminated());
            return "terminated@" + VirtualTimes.format(loop.time());
        }));
        assertThat(log).containsExactly("awaitTermination(...) of scheduled was called inside event loop 'loop' "
                + "while it runs: it would block the loop's only thread, which is the one that must finish what it "
                + "waits for. In a coroutine, await(executor.whenTerminated()) instead.", "work@3 s");
        assertThat(result).isEqualTo("terminated@3 s");
    }
}

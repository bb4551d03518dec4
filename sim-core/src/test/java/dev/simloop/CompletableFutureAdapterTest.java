package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** await(CompletionStage), task.toCompletableFuture() and loop.executor(). */
class CompletableFutureAdapterTest {

    private final List<String> log = new ArrayList<>();
    private final EventLoop loop = EventLoop.builder().onProblem(p -> log.add("problem: " + p.message())).build();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void asyncStagesOnTheLoopsExecutorRunAsLoopCallbacksInOrder() {
        Executor executor = loop.executor();
        String result = loop.runUntilComplete(Coroutine.of(() -> {
            CompletableFuture<String> chain = CompletableFuture.supplyAsync(() -> {
                log.add("supply");
                return "a";
            }, executor).thenApplyAsync(s -> {
                log.add("apply");
                return s + "b";
            }, executor);
            loop.callSoon(() -> log.add("callSoon"));
            log.add("awaiting");
            return await(chain);
        }));
        assertThat(result).isEqualTo("ab");
        assertThat(log).containsExactly("awaiting", "supply", "callSoon", "apply");
    }

    @Test
    void awaitingADoneFutureDoesNotSuspend() {
        loop.runUntilComplete(Coroutine.ofVoid(() -> {
            long steps = loop.stepCount();
            log.add(await(CompletableFuture.completedFuture("done")) + " in step " + (loop.stepCount() - steps));
        }));
        assertThat(log).containsExactly("done in step 0");
    }

    @Test
    void aFailureIsRethrownUnwrappedAndCancellationBecomesCancelledException() {
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IOException("disk"));
        CompletableFuture<String> dependent = failed.thenApply(s -> s);
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        CompletableFuture<String> later = new CompletableFuture<>();
        loop.callLater(Duration.ofSeconds(1), () -> later.completeExceptionally(new CancelledException("stop")));
        loop.runUntilComplete(Coroutine.ofVoid(() -> {
            for (CompletableFuture<String> cf : List.of(failed, dependent, cancelled, later)) {
                try {
                    await(cf);
                } catch (Throwable t) {
                    log.add(t.getClass().getSimpleName() + ": " + t.getMessage());
                }
            }
        }));
        assertThat(log).containsExactly("IOException: disk", "IOException: disk", "CancelledException: cancelled",
                "CancelledException: stop");
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheCompletableFuture() {
        CompletableFuture<String> reply = new CompletableFuture<>();
        Task<String> waiter = loop.createTask("waiter", Coroutine.of(() -> await(reply)));
        loop.runCurrent();
        waiter.cancel();
        loop.runUntilIdle();
        assertThat(waiter.isCancelled()).isTrue();
        assertThat(reply.isCancelled()).isTrue();
    }

    @Test
    void aFutureCompletedByAnotherThreadReachesTheLoopThroughTheThreadSafeEntry() {
        CompletableFuture<String> reply = new CompletableFuture<>();
        Task<String> waiter = loop.createTask("waiter", Coroutine.of(() -> await(reply)));
        loop.runCurrent();
        CompletableFuture.runAsync(() -> reply.complete("from the pool")).join();
        assertThat(loop.runUntilComplete(waiter)).isEqualTo("from the pool");
    }

    @Test
    void aFutureNobodyCompletesIsReportedAsADeadlock() {
        CompletableFuture<String> never = new CompletableFuture<>();
        Task<String> waiter = loop.createTask("waiter", Coroutine.of(() -> await(never)));
        assertThatThrownBy(() -> loop.runUntilComplete(waiter)).isInstanceOf(DeadlockException.class)
                .hasMessageContaining("\n  - 'waiter' waiting on future 'awaited CompletionStage'\n");
        waiter.cancel();
        loop.runUntilIdle();
    }

    @Test
    void aTaskBecomesACompletableFutureForCodeOutsideTheLoop() {
        Task<String> ok = loop.createTask("ok", Coroutine.of(() -> {
            sleep(Duration.ofSeconds(1));
            return "fine";
        }));
        Task<String> bad = loop.createTask("bad", Coroutine.of(() -> {
            throw new IOException("broken");
        }));
        CompletableFuture<String> okFuture = ok.toCompletableFuture();
        assertThat(okFuture).isNotDone();
        loop.runUntilIdle();
        assertThat(okFuture.join()).isEqualTo("fine");
        assertThatThrownBy(() -> bad.toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IOException.class).hasMessage("broken");
        Task<String> slow = loop.createTask("slow", Coroutine.of(() -> {
            sleep(Duration.ofHours(1));
            return "never";
        }));
        loop.runCurrent();
        slow.toCompletableFuture().cancel(false);
        loop.runUntilIdle();
        assertThat(slow.isCancelled()).isTrue();
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(log).isEmpty();
    }

    @Test
    void theLoopsExecutorRefusesForeignThreadsAndAClosedLoop() {
        Executor executor = loop.executor();
        CompletableFuture<String> fromPool = CompletableFuture.supplyAsync(() -> "x", executor);
        assertThat(fromPool).isNotDone();
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> dependent = source.thenApplyAsync(s -> s + " on the loop", executor);
        CompletableFuture.runAsync(() -> source.complete("from the pool")).join();
        assertThat(dependent).isCompletedExceptionally();
        assertThatThrownBy(dependent::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WrongThreadException.class);
        loop.runUntilIdle();
        loop.close();
        assertThatThrownBy(() -> executor.execute(() -> {})).isInstanceOf(RejectedExecutionException.class)
                .hasMessage("The executor of event loop 'loop' rejected a command: the loop is closed.");
        assertThat(fromPool.join()).isEqualTo("x");
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.internal.VirtualTimes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Future.get, invokeAll and invokeAny: they run the loop from outside it, and fail fast inside it. */
class ExecutorBlockingCallsTest {

    private final EventLoop loop = EventLoop.create();
    private final SimScheduledExecutor executor = loop.scheduledExecutor();

    @AfterEach
    void close() {
        loop.close();
    }

    private Callable<String> after(int seconds, String result) {
        return () -> {
            sleep(Duration.ofSeconds(seconds));
            if (result.startsWith("fail")) {
                throw new IllegalStateException(result);
            }
            return result + "@" + VirtualTimes.format(loop.time());
        };
    }

    @Test
    void getFromOutsideTheLoopRunsItUntilTheResultIsThere() throws Exception {
        Future<String> f = executor.schedule(after(1, "late"), 1, TimeUnit.HOURS);
        assertThat(f.get()).isEqualTo("late@3601 s");
    }

    @Test
    void getWithATimeoutWaitsInVirtualTime() {
        Future<String> f = executor.submit(after(60, "slow"));
        assertThatThrownBy(() -> f.get(59, TimeUnit.SECONDS))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("Task 'scheduled-1' was not done after 59 s of virtual time.");
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(59).toNanos());
        assertThat(f.isDone()).isFalse();
        loop.runUntilIdle();
    }

    @Test
    void getInsideTheRunningLoopFailsAtOnceInsteadOfDeadlocking() {
        SimScheduledFuture<String> f = executor.schedule(after(0, "value"), 5, TimeUnit.SECONDS);
        String message = loop.runUntilComplete(Coroutine.of(() -> {
            try {
                return "returned " + f.get();
            } catch (IllegalStateException e) {
                return e.getMessage() + " / awaited: " + await(f.toCompletableFuture());
            }
        }));
        assertThat(message).isEqualTo("get() of scheduled-1 was called inside event loop 'loop' while it runs: it "
                + "would block the loop's only thread, which is the one that must finish what it waits for. In a "
                + "coroutine, await(future.toCompletableFuture()) instead. / awaited: value@5 s");
    }

    @Test
    void invokeAllWaitsForEveryTaskAndKeepsTheirOrder() throws Exception {
        List<Future<String>> all = executor.invokeAll(List.of(after(3, "a"), after(1, "b"), after(2, "fail c")));
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(all.get(0).get()).isEqualTo("a@3 s");
        assertThat(all.get(1).get()).isEqualTo("b@1 s");
        assertThatThrownBy(() -> all.get(2).get()).isInstanceOf(ExecutionException.class)
                .cause().hasMessage("fail c");
    }

    @Test
    void invokeAllWithATimeoutCancelsWhatIsNotDone() {
        List<Future<String>> all = executor.invokeAll(List.of(after(3, "a"), after(1, "b")), 2, TimeUnit.SECONDS);
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(all).extracting(Future::isCancelled).containsExactly(true, false);
        loop.runUntilIdle();
    }

    @Test
    void invokeAnyReturnsTheFirstSuccessAndCancelsTheRest() throws Exception {
        assertThat(executor.invokeAny(List.of(after(3, "slow"), after(1, "fail fast"), after(2, "first"))))
                .isEqualTo("first@2 s");
        loop.runUntilIdle();
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThatThrownBy(() -> executor.invokeAny(List.of(after(1, "fail 1"), after(2, "fail 2"))))
                .isInstanceOf(ExecutionException.class).cause().hasMessage("fail 2");
        assertThatThrownBy(() -> executor.invokeAny(List.of(after(60, "slow")), 30, TimeUnit.SECONDS))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("invokeAny(...): no task of executor 'scheduled' succeeded within 30 s of virtual time.");
        loop.runUntilIdle();
    }

    @Test
    void invokeAllInsideTheRunningLoopFailsBeforeSubmittingAnything() {
        String message = loop.runUntilComplete(Coroutine.of(() -> {
            try {
                executor.invokeAll(List.of(after(1, "a")));
                return "returned";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }));
        assertThat(message).isEqualTo("invokeAll(...) of scheduled was called inside event loop 'loop' while it "
                + "runs: it would block the loop's only thread, which is the one that must finish what it waits "
                + "for. In a coroutine, submit the tasks and await(future.toCompletableFuture()) for each instead.");
        assertThat(executor.shutdownNow()).isEmpty();
    }

    @Test
    void theExecutorAndItsFuturesRefuseForeignThreads() {
        SimScheduledFuture<String> f = executor.schedule(after(1, "a"), 1, TimeUnit.SECONDS);
        String owner = Thread.currentThread().getName();
        CompletableFuture<Throwable> fromPool = CompletableFuture.supplyAsync(() -> {
            try {
                f.get();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertThat(fromPool.join()).isInstanceOf(WrongThreadException.class)
                .hasMessageStartingWith("Event loop 'loop' was called from thread 'ForkJoinPool.commonPool-worker-")
                .hasMessageEndingWith("but it belongs to thread '" + owner + "'. A loop is confined to one thread; "
                        + "from other threads use callSoonThreadsafe(...) only.");
        assertThat(CompletableFuture.supplyAsync(() -> {
            try {
                executor.execute(() -> {});
                return null;
            } catch (Throwable t) {
                return t;
            }
        }).join()).isInstanceOf(WrongThreadException.class);
        f.cancel(false);
    }
}

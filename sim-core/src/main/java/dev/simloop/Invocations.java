package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code invokeAll} and {@code invokeAny} of a {@link SimScheduledExecutor}: submit every task at once, then wait as
 * {@link BlockingCalls} do (running the loop from outside it; refused inside it).
 */
final class Invocations {
    private Invocations() {}

    private static final String INSTEAD = "In a coroutine, submit the tasks and await(future.toCompletableFuture()) "
            + "for each instead.";

    /** All tasks' futures, in the given order, once all are done; on timeout the unfinished ones are cancelled. */
    static <T> List<Future<T>> all(SimScheduledExecutor executor, Collection<? extends Callable<T>> tasks,
            long timeoutNanos) {
        List<SimScheduledFuture<T>> futures = submitAll(executor, tasks, "invokeAll(...)");
        CompletableFuture<?>[] outcomes = new CompletableFuture<?>[futures.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = futures.get(i).outcome;
        }
        CompletableFuture<Void> allDone = CompletableFuture.allOf(outcomes);
        if (!BlockingCalls.waitFor(executor.loop, allDone, timeoutNanos, "invokeAll(...) of " + executor.name(),
                INSTEAD)) {
            for (SimScheduledFuture<T> f : futures) {
                f.cancel(true);
            }
        }
        return new ArrayList<>(futures);
    }

    /**
     * The result of the first task to succeed; the others are cancelled. If all fail, an {@link ExecutionException}
     * with the last failure.
     */
    static <T> T any(SimScheduledExecutor executor, Collection<? extends Callable<T>> tasks, long timeoutNanos)
            throws ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("invokeAny(...) needs at least one task.");
        }
        List<SimScheduledFuture<T>> futures = submitAll(executor, tasks, "invokeAny(...)");
        CompletableFuture<T> first = new CompletableFuture<>();
        int[] failed = {0};
        for (SimScheduledFuture<T> f : futures) {
            f.outcome.whenComplete((value, error) -> {
                if (error == null) {
                    first.complete(value);
                } else if (++failed[0] == futures.size()) {
                    first.completeExceptionally(CompletionStages.unwrap(error));
                }
            });
        }
        boolean done;
        try {
            done = BlockingCalls.waitFor(executor.loop, first, timeoutNanos, "invokeAny(...) of " + executor.name(),
                    INSTEAD);
        } finally {
            for (SimScheduledFuture<T> f : futures) {
                f.cancel(true);
            }
        }
        if (!done) {
            throw new TimeoutException("invokeAny(...): no task of executor '" + executor.name() + "' succeeded "
                    + "within " + VirtualTimes.format(timeoutNanos) + " of virtual time.");
        }
        try {
            return first.get();
        } catch (InterruptedException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static <T> List<SimScheduledFuture<T>> submitAll(SimScheduledExecutor executor,
            Collection<? extends Callable<T>> tasks, String call) {
        BlockingCalls.requireNotRunning(executor.loop, call + " of " + executor.name(), INSTEAD);
        List<SimScheduledFuture<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(executor.schedule(task, 0, TimeUnit.NANOSECONDS));
        }
        return futures;
    }
}

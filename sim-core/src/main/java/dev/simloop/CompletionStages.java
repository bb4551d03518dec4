package dev.simloop;

import dev.simloop.internal.Sneaky;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The bridge between {@link CompletionStage}s and a loop's futures, in both directions.
 *
 * <p>A stage may complete on any thread: its outcome reaches the loop directly when it completes on the loop's
 * thread (deterministic: a stage run by {@link EventLoop#executor()}), and through
 * {@link EventLoop#callSoonThreadsafe} otherwise. Cancellation travels both ways.
 */
final class CompletionStages {
    private CompletionStages() {}

    /** A future of {@code loop} that gets {@code stage}'s outcome; cancelling it does not touch the stage. */
    static <T> SimFuture<T> toSimFuture(EventLoop loop, CompletionStage<T> stage, String name) {
        SimFuture<T> future = loop.createFuture(name);
        stage.whenComplete((value, error) -> onLoopThread(loop, () -> settle(future, value, error)));
        return future;
    }

    /** A CompletableFuture that gets {@code future}'s outcome; cancelling it cancels {@code future}. */
    static <T> CompletableFuture<T> toCompletableFuture(FutureBase<T> future) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        if (future.isDone()) {
            settle(cf, future);
        } else {
            future.addCallback(f -> settle(cf, future));
        }
        cf.whenComplete((value, error) -> {
            if (cf.isCancelled()) {
                onLoopThread(future.loop, () -> cancel(future));
            }
        });
        return cf;
    }

    /**
     * The outcome of a completed {@code cf} as {@code await} reports it: its result, its failure rethrown unchanged,
     * or a {@link CancelledException} if it was cancelled.
     */
    static <T> T outcomeNow(CompletableFuture<T> cf) {
        Throwable error = cf.handle((value, e) -> e).join();
        if (error == null) {
            return cf.join();
        }
        Throwable cause = unwrap(error);
        if (cause instanceof CancellationException c) {
            throw new CancelledException(c.getMessage());
        }
        throw Sneaky.rethrow(cause);
    }

    /** The exception a failed stage reports, without the {@link CompletionException} that dependents wrap it in. */
    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Gives {@code future} the outcome of the completed {@code done}, as {@code await} would report it. */
    static <T> void settle(SimFuture<T> future, CompletableFuture<T> done) {
        done.whenComplete((value, error) -> settle(future, value, error));
    }

    private static <T> void settle(SimFuture<T> future, T value, Throwable error) {
        if (future.isDone()) {
            return;
        }
        Throwable cause = error == null ? null : unwrap(error);
        if (cause == null) {
            future.setResult(value);
        } else if (cause instanceof CancellationException c) {
            future.cancel(c.getMessage());
        } else if (cause instanceof CancelledException c) {
            future.cancel(c.cancelMessage());
        } else {
            future.setException(cause);
        }
    }

    private static <T> void settle(CompletableFuture<T> cf, FutureBase<T> future) {
        if (future.isCancelled()) {
            cf.cancel(false);
            return;
        }
        Throwable failure = future.failureForAwait();
        if (failure != null) {
            cf.completeExceptionally(failure);
        } else {
            cf.complete(future.resultForAwait());
        }
    }

    private static void cancel(FutureBase<?> future) {
        if (future.loop.isClosed() || future.isDone()) {
            return;
        }
        if (future instanceof Task<?> t) {
            t.cancel();
        } else {
            ((SimFuture<?>) future).cancel();
        }
    }

    /** Runs {@code action} now if the caller is the loop's thread, else hands it to the loop. */
    static void onLoopThread(EventLoop loop, Runnable action) {
        if (loop.isLoopThread()) {
            action.run();
        } else {
            loop.callSoonThreadsafe(action);
        }
    }
}

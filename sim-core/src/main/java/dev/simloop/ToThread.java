package dev.simloop;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Sim#toThread}: a blocking call off the loop in real time, one step of its own in simulation.
 *
 * <p>In real time the call runs on a new virtual thread (cheap to create, and made for blocking calls; asyncio's
 * default is a thread pool) and its outcome comes back through {@link EventLoop#callSoonThreadsafe}, as any
 * {@code CompletableFuture} does. In simulation it runs on the loop's thread as one callback, so it takes no virtual
 * time and the policy decides when it runs among the other ready work; the awaiting task suspends in both loops.
 */
final class ToThread {
    private ToThread() {}

    static <T> T call(EventLoop loop, Callable<T> call) {
        if (loop.isRealTime()) {
            CompletableFuture<T> outcome = new CompletableFuture<>();
            Thread.ofVirtual().name("simloop-" + loop.name() + "-toThread").start(() -> complete(outcome, call));
            return Sim.await(outcome);
        }
        SimFuture<T> future = loop.createFuture("toThread");
        loop.callSoon(() -> {
            CompletableFuture<T> outcome = new CompletableFuture<>();
            complete(outcome, call);
            if (!future.isDone()) {
                CompletionStages.settle(future, outcome);
            }
        });
        return Sim.await(future);
    }

    private static <T> void complete(CompletableFuture<T> outcome, Callable<T> call) {
        try {
            outcome.complete(call.call());
        } catch (Throwable t) {
            outcome.completeExceptionally(t);
        }
    }
}

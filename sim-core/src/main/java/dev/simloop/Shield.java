package dev.simloop;

import java.util.function.Consumer;

/** asyncio's {@code shield}: an outer future that mirrors an inner one but whose cancel does not reach it. */
final class Shield {
    private Shield() {}

    static <T> SimFuture<T> shield(Awaitable<T> awaitable) {
        FutureBase<T> inner = Futures.ensureFuture(awaitable);
        SimFuture<T> outer = inner.loop.createFuture("shield of " + inner.describe());
        if (inner.isDone()) {
            Futures.copyOutcome(inner, outer);
            return outer;
        }
        Consumer<Object> innerDone = f -> {
            if (outer.isCancelled()) {
                if (!inner.isCancelled()) {
                    inner.exception(); // the outer was cancelled: nobody else will retrieve it
                }
                return;
            }
            Futures.copyOutcome(inner, outer);
        };
        inner.addCallback(innerDone);
        outer.addDoneCallback(f -> {
            if (!inner.isDone()) {
                inner.removeCallback(innerDone);
            }
        });
        return outer;
    }
}

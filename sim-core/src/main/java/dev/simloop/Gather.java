package dev.simloop;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * asyncio's {@code gather}: one future for the results of several awaitables, in argument order.
 *
 * <p>Coroutines become tasks; the same awaitable given twice is one child. Cancelling the returned future cancels
 * every child that is not done, as asyncio's {@code _GatheringFuture} does. The returned future itself never ends
 * cancelled: as in CPython 3.13's {@code _done_callback}, a cancelled child (without {@code returnExceptions}), or
 * the last child of a gather whose cancel reached a child, completes it with a {@link CancelledException} as its
 * exception, so {@code isCancelled()} is false and {@code exception()} is that cancellation.
 */
final class Gather {
    private final List<FutureBase<?>> children = new ArrayList<>();
    private final boolean returnExceptions;
    private final SimFuture<List<Object>> outer;
    private int distinct;
    private int finished;
    /** Set when a cancel of the outer future reached at least one child: the outcome is then a CancelledException. */
    private boolean cancelRequested;

    private Gather(EventLoop loop, boolean returnExceptions) {
        this.returnExceptions = returnExceptions;
        this.outer = loop.createFuture("gather");
    }

    static SimFuture<List<Object>> gather(List<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
        Gather g = new Gather(Sim.currentLoop(), returnExceptions);
        if (awaitables.isEmpty()) {
            g.outer.setResult(List.of());
            return g.outer;
        }
        Map<Awaitable<?>, FutureBase<?>> seen = new IdentityHashMap<>();
        for (Awaitable<?> a : awaitables) {
            FutureBase<?> f = seen.get(a);
            if (f == null) {
                f = Futures.ensureFuture(a);
                seen.put(a, f);
                g.distinct++;
                f.addCallback(g::childDone);
            }
            g.children.add(f);
        }
        g.outer.onCancel(g::cancel);
        return g.outer;
    }

    private boolean cancel(String message) {
        if (outer.isDone()) {
            return false;
        }
        boolean any = false;
        for (FutureBase<?> child : children) {
            any |= Futures.cancel(child, message);
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    private void childDone(Object done) {
        FutureBase<?> f = (FutureBase<?>) done;
        finished++;
        if (outer.isDone()) {
            if (!f.isCancelled()) {
                f.exception(); // retrieved here: the gather already has its outcome
            }
            return;
        }
        if (!returnExceptions) {
            if (f.isCancelled()) {
                outer.setException(new CancelledException(f.cancelMessage()));
                return;
            }
            Throwable e = f.exception();
            if (e != null) {
                outer.setException(e);
                return;
            }
        }
        if (finished == distinct) {
            List<Object> results = new ArrayList<>(children.size());
            for (FutureBase<?> child : children) {
                results.add(child.isCancelled() ? new CancelledException(child.cancelMessage())
                        : child.exception() != null ? child.exception() : child.result());
            }
            if (cancelRequested) {
                outer.setException(new CancelledException(f.isCancelled() ? f.cancelMessage() : null));
            } else {
                outer.setResult(java.util.Collections.unmodifiableList(results));
            }
        }
    }
}

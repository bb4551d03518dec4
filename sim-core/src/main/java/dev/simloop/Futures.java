package dev.simloop;

import java.util.function.Consumer;

/** Helpers the combinators share: asyncio's {@code ensure_future}, a cancel for either kind of future, and waits. */
final class Futures {
    private Futures() {}

    /** A coroutine becomes a new task on the current loop; a task or future is returned as it is. */
    @SuppressWarnings("unchecked")
    static <T> FutureBase<T> ensureFuture(Awaitable<? extends T> awaitable) {
        return switch (awaitable) {
            case Coroutine<? extends T> c -> (FutureBase<T>) Sim.currentLoop().createTask(c);
            case FutureBase<? extends T> f -> (FutureBase<T>) f;
        };
    }

    /** Cancels a task or a future; false if it was already done (or refused, for a future whose cancel is replaced). */
    static boolean cancel(FutureBase<?> f, String message) {
        return f instanceof Task<?> t ? t.cancel(message) : ((SimFuture<?>) f).cancel(message);
    }

    /** asyncio's {@code _cancel_and_wait}: cancels {@code f} and waits, in the current task, until it is done. */
    static void cancelAndWait(FutureBase<?> f) {
        SimFuture<Void> waiter = Sim.currentLoop().createFuture();
        Consumer<Object> release = done -> releaseWaiter(waiter);
        f.addCallback(release);
        try {
            cancel(f, null);
            Sim.await(waiter);
        } finally {
            f.removeCallback(release);
        }
    }

    /** asyncio's {@code _release_waiter}: completes {@code waiter} unless it is done. */
    static void releaseWaiter(SimFuture<?> waiter) {
        if (!waiter.isDone()) {
            waiter.setResult(null);
        }
    }

    /** Copies the outcome of done {@code from} into {@code to} (result, exception, or cancellation). */
    static <T> void copyOutcome(FutureBase<? extends T> from, SimFuture<T> to) {
        if (from.isCancelled()) {
            to.cancelDirectly(from.cancelMessage());
            return;
        }
        Throwable e = from.exception();
        if (e != null) {
            to.setException(e);
        } else {
            to.setResult(from.result());
        }
    }
}

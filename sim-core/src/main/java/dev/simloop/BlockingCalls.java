package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.util.concurrent.CompletableFuture;

/**
 * How the adapters' blocking calls ({@code Future.get}, {@code awaitTermination}, {@code invokeAll},
 * {@code invokeAny}) wait: on the loop's thread, with the loop not running, they run it, as
 * {@link EventLoop#runUntilComplete} does, until what they wait for is done or their virtual deadline passes.
 *
 * <p>Inside the running loop (a callback or a coroutine) they cannot: the thread they would block is the only one
 * that can finish what they wait for. There they throw an {@link IllegalStateException} at once, instead of hanging.
 */
final class BlockingCalls {
    private BlockingCalls() {}

    /** Wait for ever: no deadline (a wait that can never end is then a {@link DeadlockException}). */
    static final long FOREVER = Long.MAX_VALUE;

    /**
     * Fails unless the caller may drive {@code loop}: its own thread, the loop open and not running.
     *
     * @param call the blocking call, for the message: "awaitTermination(...)"
     * @param instead what to do in a coroutine instead
     */
    static void requireNotRunning(EventLoop loop, String call, String instead) {
        loop.checkOpen();
        if (loop.isRunning()) {
            throw new IllegalStateException(call + " was called inside event loop '" + loop.name() + "' while it "
                    + "runs: it would block the loop's only thread, which is the one that must finish what it waits "
                    + "for. " + instead);
        }
    }

    /**
     * Runs {@code loop} until {@code done} completes or {@code timeoutNanos} of virtual time pass; returns whether it
     * completed. With {@link #FOREVER}, a wait that nothing can end throws the loop's {@link DeadlockException}.
     */
    static boolean waitFor(EventLoop loop, CompletableFuture<?> done, long timeoutNanos, String call,
            String instead) {
        loop.checkThread();
        if (done.isDone()) {
            return true;
        }
        requireNotRunning(loop, call, instead);
        if (timeoutNanos <= 0) {
            return false;
        }
        SimFuture<Void> wake = loop.createFuture(call);
        Runnable wakeUp = () -> {
            if (!wake.isDone()) {
                wake.setResult(null);
            }
        };
        done.whenComplete((value, error) -> CompletionStages.onLoopThread(loop, wakeUp));
        TimerHandle deadline = timeoutNanos == FOREVER ? null
                : loop.callAtInternal(VirtualTimes.saturatingAdd(loop.time(), timeoutNanos), wakeUp, false);
        try {
            loop.runUntilComplete(wake);
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
        }
        return done.isDone();
    }
}

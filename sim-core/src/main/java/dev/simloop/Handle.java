package dev.simloop;

import org.apiguardian.api.API;

/**
 * A callback scheduled on a loop ({@code callSoon}); {@link #cancel()} keeps it from running.
 *
 * <p>Not thread-safe: use it on the loop's thread, like the loop itself.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed class Handle permits TimerHandle {

    final EventLoop loop;
    /** The callback, or null for a task's own step or sleep ({@link #task} says whose). */
    final Runnable callback;
    /** Whether this callback was scheduled by or for a background task: it does not keep {@code runUntilIdle} going. */
    final boolean background;
    boolean cancelled;
    /** Set as the callback starts: a later cancel no longer changes the loop's count of pending work. */
    boolean ran;
    /** The task this callback steps or wakes up, or null for other callbacks: what a policy orders by. */
    Task<?> task;
    /**
     * The shared resource this callback's task operates on when it runs, as its suspension point named it
     * ({@link Sim#yieldNow(Object)}, or the lock, queue, event or semaphore it waited on); null if unknown. Two
     * callbacks on equal resources conflict: POS reorders them, and nothing else.
     */
    Object resource;

    Handle(EventLoop loop, Runnable callback, boolean background) {
        this.loop = loop;
        this.callback = callback;
        this.background = background;
    }

    /** Keeps the callback from running; does nothing if it already ran or was cancelled. */
    public void cancel() {
        loop.checkThread();
        if (!cancelled) {
            cancelled = true;
            loop.handleCancelled(this);
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }
}

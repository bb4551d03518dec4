package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import dev.simloop.internal.Watchdog;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A loop's side of the blocked-loop {@link Watchdog}: a progress counter the loop bumps as each step starts and ends,
 * which the watchdog's thread reads, and the {@link BlockedLoopException} it leaves when a step has blocked the
 * loop's thread past the builder's {@linkplain EventLoop.Builder#blockedThreshold wall-clock limit}. Owned by one
 * {@link EventLoop}: it calls {@link #watch()} and {@link #unwatch()} as it starts and stops running, and
 * {@link #stepStarted()}, {@link #stepEnded()} and {@link #throwIfBlocked()} around each step, on its thread; the
 * watchdog calls the {@link Watchdog.Watched} methods on its own.
 */
final class BlockedStepWatch implements Watchdog.Watched {

    private static final VarHandle PROGRESS;

    static {
        try {
            PROGRESS = MethodHandles.lookup().findVarHandle(BlockedStepWatch.class, "progress", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EventLoop loop;
    /** The limit in wall-clock nanoseconds; 0 turns the check off. */
    private final long thresholdNanos;
    /** Bumped as a step starts and as it ends, so odd while a step runs; read by the watchdog. */
    @SuppressWarnings("unused")
    private long progress;
    /** Set by the watchdog when the current step blocked; thrown on the loop's thread once the step ends. */
    private volatile BlockedLoopException blocked;

    BlockedStepWatch(EventLoop loop, long thresholdNanos) {
        this.loop = loop;
        this.thresholdNanos = thresholdNanos;
    }

    /** The loop starts running: the watchdog watches it, unless the check is off. */
    void watch() {
        if (thresholdNanos > 0) {
            Watchdog.watch(this);
        }
    }

    /** The loop stops running. */
    void unwatch() {
        if (thresholdNanos > 0) {
            Watchdog.unwatch(this);
        }
    }

    void stepStarted() {
        PROGRESS.setOpaque(this, progress + 1);
    }

    void stepEnded() {
        PROGRESS.setOpaque(this, progress + 1);
    }

    /** After a step: throws the exception the watchdog left if that step blocked the loop. */
    void throwIfBlocked() {
        BlockedLoopException b = blocked;
        if (b != null) {
            blocked = null;
            throw b;
        }
    }

    @Override
    public long progress() {
        return (long) PROGRESS.getOpaque(this);
    }

    @Override
    public long blockedThresholdNanos() {
        return thresholdNanos;
    }

    /** On the watchdog's thread: the current step has blocked the loop's thread past the limit. */
    @Override
    public void stepBlocked(long wallNanos) {
        Thread t = loop.threads.activeThread();
        Task<?> task = loop.threads.runningTask();
        String who = task != null ? "Task '" + task.name() + "'" : "A callback";
        String message = who + " has blocked the thread of event loop '" + loop.name() + "' for "
                + VirtualTimes.format(wallNanos) + " of wall-clock time (limit "
                + VirtualTimes.format(thresholdNanos) + "). Code on an event loop must not block: use "
                + "sleep(...) instead of Thread.sleep, and await instead of blocking calls. Where it is blocked:";
        StackTraceElement[] stack = t.getStackTrace();
        BlockedLoopException e = new BlockedLoopException(message, stack);
        System.getLogger("dev.simloop").log(System.Logger.Level.ERROR, message, e);
        blocked = e;
    }
}

package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * A {@link ScheduledExecutorService} on its loop's virtual time, with the JDK's documented semantics
 * ({@link java.util.concurrent.ScheduledThreadPoolExecutor}'s defaults): made by {@link EventLoop#scheduledExecutor()}.
 *
 * <ul>
 *   <li>Each run of a task is a {@link Task} of the loop, started when the run is due, so the loop's policy orders
 *       runs like any other step. Code that does not use simloop runs in zero virtual time.</li>
 *   <li>Fixed rate: run n is due at first + n * period; a run that ends after the next one was due (it awaited or
 *       slept in virtual time) makes that one start late, at once, never concurrently. Fixed delay: the next run is
 *       due {@code delay} after the previous one ended. A run that throws ends the repetitions; its future fails.</li>
 *   <li>The repetitions of a periodic task are background work: they do not keep {@link EventLoop#runUntilIdle()}
 *       going (a cache sweep would never let it end). Its first run keeps it going, as a one-shot task does, like
 *       {@code callLater}: {@code scheduleAtFixedRate(r, 0, period)} then {@code runUntilIdle()} runs {@code r}
 *       once. Use {@code advanceBy} for more runs.</li>
 *   <li>{@link #shutdown()} refuses new tasks, cancels the periodic ones and lets delayed one-shot tasks run;
 *       {@link #shutdownNow()} also takes back every task not yet started (returned, not cancelled, as the JDK
 *       does) and cancels the runs in progress (a {@link CancelledException} in their task, simloop's interrupt).
 *       The executor terminates when no task is left; {@link #whenTerminated()} completes then.</li>
 *   <li>Blocking calls ({@link #awaitTermination}, {@link #invokeAll}, {@link #invokeAny}, {@code Future.get})
 *       run the loop when called from its thread while it is not running, until done or until their timeout has
 *       passed in virtual time; inside the running loop they throw an {@link IllegalStateException} at once.</li>
 * </ul>
 *
 * <p>Confined like its loop: every method throws a {@link WrongThreadException} on another thread. No parameter may
 * be null. What it cannot do: make a run that blocks its thread ({@code Thread.sleep}, a blocking call) take virtual
 * time; such a run holds up the whole loop in real time, and the blocked-loop watchdog reports it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimScheduledExecutor implements ScheduledExecutorService {

    final EventLoop loop;
    private final String name;
    /** Tasks submitted so far; numbers the next one. */
    private long submitted;
    /** Tasks not finished (planned or running), in submission order: termination waits for them. */
    private final LinkedHashSet<SimScheduledFuture<?>> live = new LinkedHashSet<>();
    private boolean shutdown;
    /** Completed, on the loop's thread, when the executor is shut down and no task is left. */
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    SimScheduledExecutor(EventLoop loop, String name) {
        this.loop = loop;
        this.name = name;
    }

    /** The executor's name; its tasks are named after it ("scheduled-1", "scheduled-2", ...). */
    public String name() {
        return name;
    }

    @Override
    public SimScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return submit(Executors.callable(Objects.requireNonNull(command, "command")), delay, unit, 0);
    }

    @Override
    public <V> SimScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return submit(callable, delay, unit, 0);
    }

    @Override
    public SimScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
            TimeUnit unit) {
        return submit(periodic(command, period, "period"), initialDelay, unit, unit.toNanos(period));
    }

    @Override
    public SimScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        return submit(periodic(command, delay, "delay"), initialDelay, unit, -unit.toNanos(delay));
    }

    private static Callable<Object> periodic(Runnable command, long period, String what) {
        Objects.requireNonNull(command, "command");
        if (period <= 0) {
            throw new IllegalArgumentException("The " + what + " of a periodic task must be positive, was " + period
                    + ".");
        }
        return Executors.callable(command);
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public SimScheduledFuture<?> submit(Runnable task) {
        return schedule(Objects.requireNonNull(task, "task"), 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> SimScheduledFuture<T> submit(Runnable task, T result) {
        return schedule(Executors.callable(Objects.requireNonNull(task, "task"), result), 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> SimScheduledFuture<T> submit(Callable<T> task) {
        return schedule(Objects.requireNonNull(task, "task"), 0, TimeUnit.NANOSECONDS);
    }

    private <V> SimScheduledFuture<V> submit(Callable<V> callable, long delay, TimeUnit unit, long period) {
        Objects.requireNonNull(callable, "callable");
        Objects.requireNonNull(unit, "unit");
        loop.checkThread();
        if (shutdown || loop.isClosed()) {
            throw new RejectedExecutionException("Executor '" + name + "' rejected a task: "
                    + (shutdown ? "it is shut down." : "its event loop '" + loop.name() + "' is closed."));
        }
        long due = VirtualTimes.saturatingAdd(loop.time(), Math.max(0, unit.toNanos(delay)));
        SimScheduledFuture<V> f = new SimScheduledFuture<>(this, ++submitted, callable, due, period,
                loop.inBackground());
        live.add(f);
        f.arm();
        return f;
    }

    /** A task is done, or was taken back: termination may follow. */
    void finished(SimScheduledFuture<?> f) {
        live.remove(f);
        if (shutdown) {
            finishedIfEmpty();
        }
    }

    @Override
    public void shutdown() {
        loop.checkThread();
        shutdown = true;
        for (SimScheduledFuture<?> f : List.copyOf(live)) {
            if (f.isPeriodic()) {
                f.cancel(false);
            }
        }
        finishedIfEmpty();
    }

    /**
     * Shuts down, cancels the runs in progress and takes back the tasks not yet started.
     *
     * @return the tasks not started, by due time (then submission order); their futures stay pending
     */
    @Override
    public List<Runnable> shutdownNow() {
        loop.checkThread();
        shutdown = true;
        List<SimScheduledFuture<?>> notStarted = new ArrayList<>();
        for (SimScheduledFuture<?> f : List.copyOf(live)) {
            if (f.drain()) {
                notStarted.add(f);
            } else {
                f.interrupt();
            }
        }
        notStarted.sort(null);
        finishedIfEmpty();
        return new ArrayList<>(notStarted);
    }

    private void finishedIfEmpty() {
        if (live.isEmpty() && !terminated.isDone()) {
            terminated.complete(null);
        }
    }

    @Override
    public boolean isShutdown() {
        loop.checkThread();
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        loop.checkThread();
        return terminated.isDone();
    }

    /**
     * A future completed when the executor has terminated: what a coroutine awaits instead of calling
     * {@link #awaitTermination}. Cancelling it changes nothing here.
     */
    public CompletableFuture<Void> whenTerminated() {
        loop.checkThread();
        return terminated.copy();
    }

    /**
     * Waits, in virtual time, until the executor has terminated or {@code timeout} has passed: on the loop's thread
     * with the loop not running, it runs the loop (the clock reaches the deadline if termination does not come
     * first); {@code Long.MAX_VALUE} waits for ever, and a termination that can never come is then a
     * {@link DeadlockException}. Inside the running loop it throws an {@link IllegalStateException}: await
     * {@link #whenTerminated()} instead.
     */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return BlockingCalls.waitFor(loop, terminated, unit.toNanos(timeout), "awaitTermination(...) of " + name,
                "In a coroutine, await(executor.whenTerminated()) instead.");
    }

    /**
     * Shuts down and waits for termination as {@link #awaitTermination} does with no timeout: a termination that can
     * never come is a {@link DeadlockException} (the JDK's default would wait a virtual day at a time, for ever).
     */
    @Override
    public void close() {
        shutdown();
        awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        return Invocations.all(this, tasks, BlockingCalls.FOREVER);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit) {
        return Invocations.all(this, tasks, unit.toNanos(timeout));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws ExecutionException {
        try {
            return Invocations.any(this, tasks, BlockingCalls.FOREVER);
        } catch (TimeoutException impossible) {
            throw new AssertionError(impossible);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws ExecutionException, TimeoutException {
        return Invocations.any(this, tasks, unit.toNanos(timeout));
    }

    @Override
    public String toString() {
        return "SimScheduledExecutor[" + name + ", " + (terminated.isDone() ? "terminated" : shutdown ? "shut down"
                : "running") + ", " + live.size() + " tasks]";
    }
}

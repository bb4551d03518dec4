package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * A task of a {@link SimScheduledExecutor}: its runs, its result and its cancellation, on virtual time.
 *
 * <p>Each run is a {@link Task} of the loop (named after this future) that starts when the run is due. Code that
 * does not use simloop runs in zero virtual time; a run that awaits or {@linkplain Sim#sleep sleeps} takes that
 * long, and the next run of a periodic task is planned when a run ends, never concurrently with it. A periodic task
 * stops when a run throws (the future then fails with that exception), when it is cancelled, and when its executor
 * shuts down.
 *
 * <p>Use it on the loop's thread; {@link #isDone()} and {@link #isCancelled()} may be read from any thread. The
 * blocking {@link #get()} runs the loop when called from outside it, and throws an {@link IllegalStateException}
 * inside the running loop (a coroutine awaits {@link #toCompletableFuture()} instead).
 *
 * @param <V> the type of the result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimScheduledFuture<V> implements RunnableScheduledFuture<V> {

    private final SimScheduledExecutor executor;
    private final EventLoop loop;
    /** Submission number in its executor: orders equal times in {@link #compareTo}, and names the task. */
    private final long sequence;
    private final String name;
    private final Callable<V> callable;
    /** 0 for a one-shot task; a fixed rate in nanoseconds if positive; a fixed delay of {@code -period} if negative. */
    private final long period;
    /** Whether it was submitted from background work: then all its runs and timers are background work too. */
    private final boolean submittedInBackground;
    /**
     * Whether a run has ended and the next is planned: a periodic task's repetitions are background work, which does
     * not keep {@code runUntilIdle} going, while its first run keeps it going as a one-shot task's does.
     */
    private boolean repeating;
    /** The virtual time the next (or current) run is due: after a fixed-rate run, the previous due time + period. */
    private long time;
    /** The loop callback that will start the next run; null while a run is in progress, or when no run is planned. */
    private Handle trigger;
    /** The task of the run in progress, or null. */
    private Task<Void> run;
    /** The outcome; completed on the loop's thread only. */
    final CompletableFuture<V> outcome = new CompletableFuture<>();

    SimScheduledFuture(SimScheduledExecutor executor, long sequence, Callable<V> callable, long time, long period,
            boolean background) {
        this.executor = executor;
        this.loop = executor.loop;
        this.sequence = sequence;
        this.name = executor.name() + "-" + sequence;
        this.callable = callable;
        this.time = time;
        this.period = period;
        this.submittedInBackground = background;
    }

    /** Whether the next run and its timer are background work. */
    private boolean background() {
        return submittedInBackground || repeating;
    }

    /** The name of this task and of its runs: the executor's name and the submission number ("scheduled-3"). */
    public String name() {
        return name;
    }

    /** Plans the next run at {@link #time}: a timer, or the next loop iteration if that time has come. */
    void arm() {
        trigger = time <= loop.time() ? loop.callSoonInternal(this::start, background())
                : loop.callAtInternal(time, this::start, background());
    }

    private void start() {
        trigger = null;
        Coroutine<Void> body = Coroutine.ofVoid(name, this::runCallable);
        run = loop.newTask(null, body, background(), false); // the executor's runs bypass a task factory
    }

    private void runCallable() {
        V value = null;
        Throwable failure = null;
        try {
            value = callable.call();
        } catch (Task.Unwind closing) {
            throw closing;
        } catch (Throwable t) {
            failure = t;
        }
        run = null;
        if (failure instanceof CancelledException) {
            outcome.cancel(false);
        } else if (failure != null) {
            outcome.completeExceptionally(failure);
        } else if (period == 0) {
            outcome.complete(value);
        } else if (!outcome.isDone() && executor.isShutdown()) {
            outcome.cancel(false);
        } else if (!outcome.isDone()) {
            time = period > 0 ? VirtualTimes.saturatingAdd(time, period)
                    : VirtualTimes.saturatingAdd(loop.time(), -period);
            repeating = true;
            arm();
            return;
        }
        executor.finished(this);
    }

    /** Whether a run is in progress. */
    boolean isRunning() {
        return run != null;
    }

    /** Takes back the planned run without completing the future (shutdownNow); false if a run is in progress. */
    boolean drain() {
        if (trigger == null) {
            return false;
        }
        trigger.cancel();
        trigger = null;
        executor.finished(this);
        return true;
    }

    /** Cancels the run in progress as an interrupt would: its task gets a {@link CancelledException}. */
    void interrupt() {
        if (run != null) {
            run.cancel();
        }
    }

    /**
     * Cancels the task: no further run starts. With {@code mayInterruptIfRunning}, a run in progress is cancelled
     * too (its task gets a {@link CancelledException} at its next suspension, simloop's interrupt); without it,
     * that run goes on to its end.
     *
     * @return false if it was already done or cancelled
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        loop.checkThread();
        if (outcome.isDone()) {
            return false;
        }
        outcome.cancel(false);
        if (trigger != null) {
            drain();
        } else if (mayInterruptIfRunning) {
            interrupt();
        }
        return true;
    }

    @Override
    public boolean isCancelled() {
        return outcome.isCancelled();
    }

    @Override
    public boolean isDone() {
        return outcome.isDone();
    }

    /**
     * The result. Done: at once. Not done, on the loop's thread with the loop not running: runs the loop until it is
     * (a {@link DeadlockException} if it never can be). Inside the running loop: an {@link IllegalStateException}.
     */
    @Override
    public V get() throws InterruptedException, ExecutionException {
        BlockingCalls.waitFor(loop, outcome, BlockingCalls.FOREVER, "get() of " + name, awaitInstead());
        return outcome.get();
    }

    /**
     * As {@link #get()}, waiting at most {@code timeout} of virtual time.
     *
     * @throws TimeoutException if it is not done when the timeout has passed in virtual time
     */
    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        if (!BlockingCalls.waitFor(loop, outcome, nanos, "get(...) of " + name, awaitInstead())) {
            throw new TimeoutException("Task '" + name + "' was not done after " + VirtualTimes.format(nanos)
                    + " of virtual time.");
        }
        return outcome.get();
    }

    private String awaitInstead() {
        return "In a coroutine, await(future.toCompletableFuture()) instead.";
    }

    /**
     * A {@link CompletableFuture} that completes with this task's outcome, for a coroutine to await; cancelling it
     * does not cancel this task.
     *
     * @see Sim#await(java.util.concurrent.CompletionStage)
     */
    public CompletableFuture<V> toCompletableFuture() {
        loop.checkThread();
        return outcome.copy();
    }

    /** The virtual time left until the next run is due; zero or negative once due. */
    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(time - loop.time(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        if (other instanceof SimScheduledFuture<?> f) {
            int byTime = Long.compare(time, f.time);
            return byTime != 0 ? byTime : Long.compare(sequence, f.sequence);
        }
        return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean isPeriodic() {
        return period != 0;
    }

    /**
     * Runs the task's code once, now, on the calling (loop) thread: for the tasks {@link
     * SimScheduledExecutor#shutdownNow()} returns. A one-shot task completes with it; nothing is rescheduled.
     */
    @Override
    public void run() {
        loop.checkThread();
        if (outcome.isDone() || run != null) {
            return;
        }
        try {
            V value = callable.call();
            if (period == 0) {
                outcome.complete(value);
            }
        } catch (Task.Unwind closing) {
            throw closing;
        } catch (Throwable t) {
            outcome.completeExceptionally(t);
        }
        if (outcome.isDone() && trigger != null) {
            drain();
        }
    }

    @Override
    public String toString() {
        String state = isCancelled() ? "cancelled" : isDone() ? "done" : run != null ? "running" : "scheduled";
        return "SimScheduledFuture[" + name + ", " + state + "]";
    }
}

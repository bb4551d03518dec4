package dev.simloop;

import dev.simloop.internal.Sneaky;
import dev.simloop.internal.Strand;
import dev.simloop.internal.VirtualTimes;
import java.time.Duration;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A coroutine scheduled to run concurrently with others on its loop (asyncio's {@code Task}).
 *
 * <p>Made by {@link EventLoop#createTask} or {@link Sim#createTask}: creating it only schedules its first step; the
 * body starts when the loop reaches that step. Each step runs the body until its next real suspension (an await of
 * something not yet done, or a sleep) or its end. The task's outcome is the body's: its return value, the exception
 * it threw, or cancellation.
 *
 * <p>{@link #cancel(String)} throws a {@link CancelledException} into the body at its next suspension; cancelling a
 * task that awaits another task (or future) cancels that one too, as in asyncio. A task whose exception nobody
 * retrieved is reported when the loop closes.
 *
 * <p>Use it on the loop's thread only.
 *
 * @param <T> the type of the result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Task<T> extends FutureBase<T> {

    /** Unwinds a suspended body when its loop closes (Python's {@code GeneratorExit}): finally blocks run. */
    static final class Unwind extends Error {
        private static final long serialVersionUID = 1L;

        Unwind() {
            super("the event loop closed while this coroutine was suspended", null, false, false);
        }
    }

    /** The name; for an unnamed task made from {@link #number} when first asked (saves a string per task). */
    private String name;
    /** The loop's count of unnamed tasks when this one was created, or 0 when named. */
    private final int number;
    private final Coroutine<T> coroutine;
    private final boolean background;
    private Strand strand;
    private boolean started;
    /**
     * What the suspended body waits on: a {@link FutureBase}, the {@link TimerHandle} of a sleep, or null (a bare
     * yield, or running). Cleared when the next step starts, as CPython clears {@code _fut_waiter}.
     */
    private Object waiter;
    /** A cancel that found no waiter to pass to: the next step throws a {@link CancelledException} instead. */
    private boolean mustCancel;
    private String cancelMessage;
    private int cancelsRequested;
    /** The exception the body gets when its current suspension returns; null to resume normally. */
    private Throwable resumeThrow;
    private T outcomeValue;
    private Throwable outcomeError;

    /** The virtual time at which the task finished; -1 while pending. */
    private long doneTime = -1;

    /** The creation number of this task in its loop, from 1; set once by the loop as it creates the task. */
    int id;

    /** Neighbours in the loop's list of live tasks, in creation order (for deadlock and leak reports). */
    Task<?> prevLive, nextLive;

    Task(EventLoop loop, String name, int number, Coroutine<T> coroutine, boolean background) {
        super(loop);
        this.name = name;
        this.number = number;
        this.coroutine = coroutine;
        this.background = background;
    }

    /**
     * Makes a task on {@code loop} without its task factory (asyncio's {@code Task(coro, loop=..., name=...,
     * eager_start=...)}): for a {@link TaskFactory}; other code calls {@link EventLoop#createTask}.
     *
     * @param loop the loop, not null, on its thread
     * @param name the name, may be null (then the coroutine's, else "Task-N")
     * @param coroutine the coroutine, not null, not started
     * @param eagerStart whether the body starts at once when the loop is running; see
     *     {@link EventLoop#createTask(String, Coroutine, boolean)}
     * @param <T> the result type
     * @return the task
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static <T> Task<T> create(EventLoop loop, String name, Coroutine<T> coroutine, boolean eagerStart) {
        java.util.Objects.requireNonNull(loop, "loop").checkThread();
        return loop.newTask(name, coroutine, false, eagerStart);
    }

    /** The task's name: as given, else the coroutine's, else "Task-N" numbered by its loop. */
    public String name() {
        if (name == null) {
            name = "Task-" + number;
        }
        return name;
    }

    /**
     * The virtual time, in nanoseconds since the loop started, at which the task finished (with a result, an
     * exception or cancelled).
     *
     * @throws InvalidStateException while the task is pending
     */
    public long doneTime() {
        loop.checkThread();
        if (doneTime < 0) {
            throw new InvalidStateException(describe() + " is still pending: it has no done time yet.");
        }
        return doneTime;
    }

    /**
     * What the task waits on, for messages: "task 'b'", "future 'reply'", "sleep until 2 s", "its next step
     * (ready)", "its first step (scheduled)", or "nothing (done)".
     */
    public String waitingOn() {
        loop.checkThread();
        return describeWaiter();
    }

    /** This task's creation number in its loop: 1 for the first task created, 2 for the next, and so on. */
    public int id() {
        return id;
    }

    /** Whether this is a background task, which does not keep {@link EventLoop#runUntilIdle()} going. */
    public boolean isBackground() {
        return background;
    }

    /**
     * Requests cancellation with no message; see {@link #cancel(String)}.
     *
     * @return false if the task is already done, true otherwise
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Requests cancellation: a {@link CancelledException} carrying {@code message} is thrown into the body at its
     * next suspension (awaiting something already done is not one). If the body awaits a task or future, that one is
     * cancelled instead and its cancellation reaches this body. A body that catches the exception and returns
     * completes normally.
     *
     * <p>Which message arrives follows CPython 3.13: while the task waits on a future, a task or a sleep, the first
     * cancel hands its message to that wait and later cancels before the body resumes do not change it (the first
     * message wins); while the task is not waiting (not started yet, or already scheduled to resume), the message of
     * the last cancel before it runs is used. Each call counts in {@link #cancelling()}.
     *
     * @param message the message, may be null
     * @return false if the task is already done, true otherwise
     */
    public boolean cancel(String message) {
        loop.checkThread();
        if (isDone()) {
            return false;
        }
        cancelsRequested++;
        if (waiter instanceof FutureBase<?> f ? Futures.cancel(f, message)
                : waiter instanceof TimerHandle sleep && cancelSleep(sleep, message)) {
            return true;
        }
        mustCancel = true;
        cancelMessage = message;
        return true;
    }

    /** How many cancellation requests are outstanding (asyncio 3.11+ {@code cancelling()}). */
    public int cancelling() {
        loop.checkThread();
        return cancelsRequested;
    }

    /**
     * Takes back one cancellation request (asyncio's {@code uncancel()}); when none remain, a pending cancel that has
     * not yet reached the body is dropped.
     *
     * @return the requests that remain
     */
    public int uncancel() {
        loop.checkThread();
        if (cancelsRequested > 0) {
            cancelsRequested--;
            if (cancelsRequested == 0) {
                mustCancel = false;
            }
        }
        return cancelsRequested;
    }

    /**
     * Adds a callback that runs, through {@code callSoon}, once the task is done; at once (through {@code callSoon})
     * if it is done already. Callbacks run in the order they were added.
     *
     * @param callback receives this task, not null
     */
    @SuppressWarnings("unchecked")
    public void addDoneCallback(Consumer<? super Task<T>> callback) {
        addCallback((Consumer<Object>) (Consumer<?>) callback);
    }

    /**
     * Removes every registration of {@code callback}.
     *
     * @param callback the callback as it was added
     * @return how many registrations were removed
     */
    public int removeDoneCallback(Consumer<? super Task<T>> callback) {
        return removeCallback(java.util.Objects.requireNonNull(callback, "callback"));
    }

    // ---- stepping (loop thread) ----

    /** Wakes up after {@code f}, which this task awaited, is done: asyncio's {@code Task.__wakeup}. */
    void wakeUp(FutureBase<?> f) {
        step(f.failureForAwait());
    }

    /** One step: asyncio's {@code Task.__step}. {@code injected} is thrown into the body at its suspension point. */
    void step(Throwable injected) {
        if (isDone()) {
            return;
        }
        if (mustCancel) {
            // As CPython 3.13's __step: a cancellation already on its way (the awaited future was cancelled with
            // the first message) is kept; only a wake-up without one is replaced by this task's own cancel.
            if (!(injected instanceof CancelledException)) {
                injected = new CancelledException(cancelMessage);
            }
            mustCancel = false;
        }
        waiter = null;
        LoopListener listener = loop.listener;
        if (!started) {
            started = true;
            if (injected != null) {
                // Cancelled before its first step: the body never runs, as coro.throw() on a fresh coroutine.
                finish(null, injected);
                return;
            }
            strand = loop.threads.newStrand(this::body, this);
            if (listener != null) {
                listener.taskStarted(this);
            }
        } else if (listener != null) {
            listener.taskResumed(this);
        }
        resumeThrow = injected;
        loop.threads.resume(this, strand);
        if (strand.isDone() && !loop.isClosed()) {
            finish(outcomeValue, outcomeError);
        }
    }

    /**
     * Resumes a suspended body with {@link Unwind} so its finally blocks run, the loop being closed, and again each
     * time the body catches it and suspends anew (every suspension on a closed loop throws it), at most
     * {@link #MAX_UNWINDS} times; then waits until its strand is released (a baton strand's thread has ended).
     *
     * @return whether the body ended (or never started); false for a body that would not let go
     */
    boolean unwind() {
        if (!started || strand == null) {
            return true;
        }
        for (int i = 0; i < MAX_UNWINDS && !strand.isDone(); i++) {
            loop.threads.resume(this, strand);
        }
        if (!strand.isDone()) {
            return false;
        }
        strand.awaitRelease();
        return true;
    }

    /** The most times closing a loop resumes a body that catches the close signal and suspends again. */
    static final int MAX_UNWINDS = 100;

    private void body() {
        loop.threads.enterBodyThread();
        try {
            outcomeValue = coroutine.call();
        } catch (Unwind u) {
            // The loop closed; the task stays pending.
        } catch (StackOverflowError e) {
            outcomeError = e.getMessage() != null ? e : explained(e);
        } catch (Throwable t) {
            outcomeError = t;
        }
    }

    /** A bare stack overflow, with what happened and what to do (CPython's RecursionError says as much). */
    private StackOverflowError explained(StackOverflowError e) {
        StackOverflowError x = new StackOverflowError("The stack of task '" + name() + "' overflowed: its body "
                + "called or awaited too deeply (awaiting a coroutine runs it on the same stack, like a call). Look "
                + "for unbounded recursion; for a chain of thousands of steps, loop or create tasks instead of "
                + "nesting awaits.");
        x.setStackTrace(e.getStackTrace());
        return x;
    }

    private void finish(T value, Throwable error) {
        if (error == null) {
            if (mustCancel) {
                mustCancel = false;
                completeCancelled(cancelMessage);
            } else {
                completeWithResult(value);
            }
        } else if (error instanceof CancelledException c) {
            completeCancelled(c.cancelMessage());
        } else {
            completeWithException(error);
        }
        outcomeValue = null;
        outcomeError = null;
        strand = null;
        doneTime = loop.time();
        loop.taskFinished(this);
    }

    // ---- suspending (inside the body) ----

    /** {@code await(f)} in this task's body. */
    T awaitFuture(FutureBase<T> f) {
        if (!f.isDone()) {
            if (f == this) {
                throw new IllegalStateException("Task '" + name() + "' awaited itself, which can never finish.");
            }
            if (f.loop != loop) {
                throw new IllegalStateException("Task '" + name() + "' awaited " + f.describe()
                        + ", which belongs to a different event loop. Await only futures and tasks of your own loop.");
            }
            f.addWaiter(this);
            waiter = f;
            if (mustCancel && Futures.cancel(f, cancelMessage)) {
                mustCancel = false; // cancelled while running: the wait is cancelled at once, as in CPython's __step
            }
            suspend(f);
        } else {
            Throwable failure = f.failureForAwait();
            if (failure != null) {
                throw Sneaky.rethrow(failure);
            }
        }
        return f.resultForAwait();
    }

    /** {@code sleep(d)} in this task's body, for {@code d > 0} nanoseconds. */
    /**
     * Sleeps {@code nanos} of virtual time. The sleep is a timer with no callback of its own: when due, the loop
     * schedules this task's next step (EventLoop.runHandle). Two hops, as in CPython, where the timer resolves
     * a future and the future's done-callback wakes the task: a callback due at the same instant but scheduled after
     * the sleep still runs before the task resumes. No object beyond the timer: a million sleeping tasks hold a
     * million timers and nothing else for their sleeps.
     */
    void sleep(long nanos, Duration forTrace) {
        TimerHandle sleep = loop.callAtInternal(VirtualTimes.saturatingAdd(loop.time(), nanos), null, background);
        sleep.task = this;
        waiter = sleep;
        if (mustCancel && cancelSleep(sleep, cancelMessage)) {
            mustCancel = false; // cancelled while running: the sleep ends at once, as in CPython's __step
        }
        suspend(forTrace);
    }

    /** Ends a sleep that has not woken the task yet: the task wakes on the next pass with a CancelledException. */
    private boolean cancelSleep(TimerHandle sleep, String message) {
        if (sleep.ran || sleep.cancelled) {
            return false; // the wake-up is scheduled and cannot be undone
        }
        loop.cancelTimerInternal(sleep);
        loop.callSoonInternal(() -> step(new CancelledException(message)), background).task = this;
        return true;
    }

    /** A bare suspension point: requeues the task for exactly one pass (asyncio's {@code sleep(0)}). */
    void yieldNow() {
        loop.scheduleStep(this);
        suspend(Duration.ZERO);
    }

    /** A bare suspension point before an access to {@code resource}, which the resumed step carries. */
    void yieldBefore(Object resource) {
        loop.scheduleStep(this).resource = resource;
        suspend(loop.listener == null ? null : new Access(resource)); // only a listener reads what it waits on
    }

    /** What a task suspended on in {@link #yieldBefore}: the trace says "on a yield before {resource}". */
    record Access(Object resource) {
        @Override
        public String toString() {
            return "a yield before " + resource;
        }
    }

    private void suspend(Object on) {
        LoopListener listener = loop.listener;
        if (listener != null) {
            listener.taskSuspended(this, on);
        }
        strand.suspend();
        if (loop.isClosed()) {
            throw new Unwind();
        }
        Throwable t = resumeThrow;
        if (t != null) {
            resumeThrow = null;
            throw Sneaky.rethrow(t);
        }
    }

    String describeWaiter() {
        if (isDone()) {
            return "nothing (done)";
        }
        if (!started) {
            return "its first step (scheduled)";
        }
        if (waiter instanceof FutureBase<?> f) {
            return f.describe();
        }
        if (waiter instanceof TimerHandle sleep) {
            return "sleep until " + VirtualTimes.format(sleep.when);
        }
        return "its next step (ready)";
    }

    @Override
    String describe() {
        return "task '" + name() + "'";
    }

    @Override
    public String toString() {
        String state = isCancelled() ? "cancelled" : isDone() ? "done" : "pending";
        return "Task[" + name() + ", " + state + "]";
    }
}

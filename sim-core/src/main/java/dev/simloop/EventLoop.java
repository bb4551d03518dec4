package dev.simloop;

import dev.simloop.internal.CoreAccess;
import dev.simloop.internal.Sneaky;
import dev.simloop.internal.VirtualTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * An event loop on virtual time: runs callbacks and tasks one at a time, on one thread, in CPython asyncio's order.
 *
 * <h2>Order</h2>
 * Each iteration of the loop (asyncio's {@code _run_once}) moves the timers that are due to the back of the ready
 * queue, by (deadline, creation order), and then runs the callbacks that were ready when it started, in FIFO order;
 * callbacks scheduled meanwhile wait for the next iteration. A task is a callback that resumes its coroutine. One
 * callback is one <em>step</em> ({@link #stepCount()}). A {@linkplain Builder#policy(Policy) policy} other than
 * {@link Policy#FIFO} picks the order of each iteration's callbacks from the loop's {@linkplain Builder#seed(long)
 * seed} instead, and records its {@linkplain #decisions() decisions}; nothing else about the loop changes.
 *
 * <h2>Time</h2>
 * {@link #time()} is virtual, in nanoseconds since the loop started. It moves only when nothing is ready, straight to
 * the next timer's deadline, and never backwards: an hour of timeouts passes in microseconds. A loop built with
 * {@link Builder#realTime()} runs the same code on real time instead, for production: FIFO order, timers that wait
 * in real time, and a thread that sleeps while nothing is ready until its next timer or until another thread hands
 * it work ({@link #callSoonThreadsafe}, a {@code CompletableFuture} completed by real I/O).
 *
 * <h2>Driving it</h2>
 * <ul>
 *   <li>{@link #run(Coroutine)}: like {@code asyncio.run}, a fresh loop runs the main coroutine, cancels what is
 *       left, and closes.</li>
 *   <li>{@link #runUntilComplete(Awaitable)}: runs until the awaitable is done; a {@link DeadlockException} if it can
 *       never be.</li>
 *   <li>{@link #runForever()} until {@link #stop()} (or {@link #stopThreadsafe()} from another thread), as
 *       asyncio's {@code run_forever}: the way a real-time loop serves.</li>
 *   <li>{@link #runUntilIdle()}, {@link #advanceBy(Duration)}, {@link #runCurrent()}: the test verbs of
 *       kotlinx-coroutines-test, except that {@code advanceBy} includes the work due exactly at its end.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * A loop belongs to the thread that built it. Every method but {@link #callSoonThreadsafe} and
 * {@link #stopThreadsafe} fails at once with a
 * {@link WrongThreadException} when called from another thread (a coroutine's body counts as the loop's thread
 * while it runs, whichever {@link StrandBackend} runs it). A closed loop refuses new work with an
 * {@link IllegalStateException}.
 *
 * <h2>Blocking</h2>
 * A step that blocks the thread (for {@code Thread.sleep}, real I/O or a busy loop) longer than the builder's
 * {@linkplain Builder#blockedThreshold wall-clock limit} (5 s by default) is logged with its stack while it blocks,
 * and the running method then throws a {@link BlockedLoopException}. Wall-clock time is used for this alone.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EventLoop implements AutoCloseable {

    static {
        CoreAccess.install(new EngineAccess()); // the hooks of dev.simloop.sync, which are not API
    }

    private final String name;
    /** Virtual time, or real time for a {@linkplain Builder#realTime() real-time} loop. */
    private final LoopClock clock;
    private final StrandBackend strands;
    /** The builder's listener, the trace recorder, or both; null for neither (then events cost nothing). */
    final LoopListener listener;
    private final TraceRecorder recorder;
    /** The problem handler, and what it is told at close: pending tasks, never-awaited coroutines, lost exceptions. */
    private final LoopProblems problems;
    /** The blocked-loop watchdog's view of this loop: the progress of steps, the limit, what it found. */
    private final BlockedStepWatch blockedWatch;
    /** Which thread may call in now, and the strand switch between the loop and a task's body. */
    final LoopThreads threads;

    /** The ready queue, the timers and the current iteration's batch: what runs next. */
    private final ReadyQueue queue;
    /** The seed, and the sources split from it for user code ({@link #random()}) and buggify. */
    private final SeededSources seeded;
    /** The step and virtual-time limits, checked before each step and before the clock moves to a timer. */
    private final RunLimits limits;

    private long steps;
    private int taskCount;
    private boolean running;
    private boolean closed;
    /** Set by {@link #stop()}: {@link #runForever()} returns at the end of the current iteration. */
    private boolean stopping;

    /** Live (not finished) tasks, in creation order. */
    private final LiveTasks live = new LiveTasks();
    private int unnamedTasks;
    private int unnamedFutures;
    /** What createTask uses to make tasks, or null for {@link #newTask}; see {@link #setTaskFactory}. */
    private TaskFactory taskFactory;
    /** How many scheduled executors this loop made: numbers the names of the second and later ones. */
    private int scheduledExecutors;

    private EventLoop(Builder b) {
        this.name = b.name;
        ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
        this.clock = b.realTime ? new RealClock(inbox) : new VirtualClock();
        this.strands = b.strands == null ? StrandBackend.defaultBackend() : b.strands;
        this.strands.requireAvailable();
        this.recorder = b.traceLevel == TraceLevel.OFF ? null : new TraceRecorder(this, b.traceLevel, b.traceCapacity);
        this.listener = recorder == null ? b.listener : b.listener == null ? recorder
                : new LoopListeners(b.listener, recorder);
        this.problems = new LoopProblems(b.onProblem);
        this.blockedWatch = new BlockedStepWatch(this, VirtualTimes.nanos(b.blockedThreshold));
        this.threads = new LoopThreads(this, strands);
        this.seeded = new SeededSources(b.seed, b.policy);
        this.queue = new ReadyQueue(this, clock, inbox, seeded.scheduler);
        this.limits = new RunLimits(b.maxSteps, b.maxVirtualTime);
    }

    /** A new loop with the default settings; same as {@code builder().build()}. */
    public static EventLoop create() {
        return builder().build();
    }

    /** A builder for a loop with chosen settings. */
    public static Builder builder() {
        return Builder.DEFAULTS;
    }

    /**
     * Runs {@code main} on a fresh loop and returns its result, like {@code asyncio.run}: then cancels the tasks still
     * pending, lets them finish, and closes the loop. The main coroutine's exception is rethrown unchanged.
     *
     * @param main the main coroutine, not null, not started
     * @param <T> the result type
     * @return the main coroutine's result
     */
    public static <T> T run(Coroutine<T> main) {
        return builder().run(main);
    }

    // ---------------------------------------------------------------- scheduling

    /**
     * Schedules {@code callback} to run in the next iteration, after the callbacks already ready.
     *
     * @param callback the code, not null
     * @return a handle that can cancel it
     */
    public Handle callSoon(Runnable callback) {
        checkOpen();
        return callSoonInternal(Objects.requireNonNull(callback, "callback"), inBackground());
    }

    /**
     * Schedules {@code callback} to run {@code delay} of virtual time from now. A zero or negative delay makes it due
     * at once: it runs in the next iteration, after the callbacks already ready.
     *
     * @param delay the delay, not null
     * @param callback the code, not null
     * @return a handle that can cancel it
     */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        checkOpen();
        Objects.requireNonNull(delay, "delay");
        return callAtInternal(VirtualTimes.saturatingAdd(clock.now(), VirtualTimes.nanos(delay)),
                Objects.requireNonNull(callback, "callback"), inBackground());
    }

    /**
     * Schedules {@code callback} for the virtual time {@code when}, in nanoseconds since the loop started. A time
     * already past is due at once; due timers run in (deadline, creation) order, as in CPython.
     *
     * @param when the deadline in virtual nanoseconds
     * @param callback the code, not null
     * @return a handle that can cancel it
     */
    public TimerHandle callAt(long when, Runnable callback) {
        checkOpen();
        return callAtInternal(when, Objects.requireNonNull(callback, "callback"), inBackground());
    }

    /**
     * Schedules {@code callback} for the instant {@code when} of the loop's time line, as {@link #callAt(long,
     * Runnable)} does: {@code callAt(LoopInstant.sinceStart(Duration.ofSeconds(5)), cb)}, or
     * {@code callAt(loop.now().plus(d), cb)}.
     *
     * @param when the deadline, not null
     * @param callback the code, not null
     * @return a handle that can cancel it
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public TimerHandle callAt(LoopInstant when, Runnable callback) {
        return callAt(Objects.requireNonNull(when, "when").nanos(), callback);
    }

    /**
     * Hands {@code callback} to the loop from any thread; the one method (with {@link #stopThreadsafe()}) that may be
     * called from another thread. It joins the ready queue when the next iteration begins, in the order of the
     * hand-overs. A {@linkplain Builder#realTime() real-time} loop that waits is woken at once; a virtual-time loop
     * does not wait for other threads: work that arrives after it ran out of work is not seen by that run.
     *
     * @param callback the code, not null
     */
    public void callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (closed) {
            throw new IllegalStateException("callSoonThreadsafe on event loop '" + name + "', which is closed: the "
                    + "callback would never run. Hand work only to a loop that is open.");
        }
        queue.handOver(callback);
        clock.wakeUp();
    }

    /**
     * Asks the loop, from any thread, to {@linkplain #stop() stop}: the same as {@code callSoonThreadsafe(loop::stop)}.
     * Lock-free and allocation-light, so a shutdown hook or a signal handler may call it.
     */
    public void stopThreadsafe() {
        callSoonThreadsafe(this::stop);
    }

    /**
     * Wraps {@code coroutine} in a task and schedules its first step; the body starts when the loop reaches it. With a
     * {@linkplain #setTaskFactory task factory} set, the factory makes the task instead.
     *
     * @param coroutine the coroutine, not null, not started
     * @param <T> the result type
     * @return the task, named after the coroutine or "Task-N"
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(null, coroutine, false);
    }

    /**
     * Like {@link #createTask(Coroutine)}, with a name for messages and traces.
     *
     * @param name the name, may be null (then as {@link #createTask(Coroutine)})
     * @param coroutine the coroutine, not null, not started
     * @param <T> the result type
     * @return the task
     */
    public <T> Task<T> createTask(String name, Coroutine<T> coroutine) {
        return createTask(name, coroutine, false);
    }

    /**
     * Like {@link #createTask(String, Coroutine)}; with {@code eagerStart} and the loop running, the body starts at
     * once, inside this call, and runs until its first suspension (asyncio 3.12+'s {@code eager_start=True}). It
     * runs as the current task, in the caller's step: it takes no step of its own, and a body that finishes without
     * suspending never reaches the loop (the trace shows it created, started and finished at the caller's step).
     * When the loop is not running, the task is scheduled as usual. A task factory, if set, gets the flag.
     *
     * @param name the name, may be null (then as {@link #createTask(Coroutine)})
     * @param coroutine the coroutine, not null, not started
     * @param eagerStart whether the body starts at once
     * @param <T> the result type
     * @return the task, possibly done already
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public <T> Task<T> createTask(String name, Coroutine<T> coroutine, boolean eagerStart) {
        checkOpen();
        TaskFactory factory = taskFactory;
        if (factory == null) {
            return newTask(name, coroutine, false, eagerStart);
        }
        Task<T> task = factory.create(this, name, Objects.requireNonNull(coroutine, "coroutine"), eagerStart);
        if (task == null || task.loop != this) {
            throw new IllegalStateException("The task factory of event loop '" + this.name + "' returned "
                    + (task == null ? "null" : "task '" + task.name() + "' of another loop") + " for "
                    + coroutine.describe() + ": a factory must return a task of the loop it is given, made with "
                    + "Task.create(loop, name, coroutine, eagerStart).");
        }
        return task;
    }

    /**
     * Sets what {@code createTask} (and so {@code gather}, {@code TaskGroup} and {@link Sim#createTask}) uses to make
     * tasks, from now on (asyncio's {@code set_task_factory}); {@link TaskFactory#EAGER} makes every task start
     * eagerly (asyncio's {@code eager_task_factory}). Background tasks and the scheduled executor's runs do not use it.
     *
     * @param factory the factory, may be null for the default
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public void setTaskFactory(TaskFactory factory) {
        checkThread();
        this.taskFactory = factory;
    }

    /**
     * The factory set with {@link #setTaskFactory}, or null for the default (asyncio's {@code get_task_factory}).
     *
     * @return the factory, may be null
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public TaskFactory getTaskFactory() {
        checkThread();
        return taskFactory;
    }

    /**
     * A background (daemon) task: it runs like any other, but does not keep {@link #runUntilIdle()} going, and
     * is not reported when it is still pending as the loop closes (a heartbeat, a cache refresher).
     *
     * @param name the name, may be null
     * @param coroutine the coroutine, not null, not started
     * @param <T> the result type
     * @return the task
     */
    public <T> Task<T> createBackgroundTask(String name, Coroutine<T> coroutine) {
        return newTask(name, coroutine, true, false);
    }

    /**
     * Makes a task without the factory (asyncio's {@code Task(...)} constructor): schedules its first step, or with
     * {@code eager} on a running loop runs it at once to its first suspension.
     */
    <T> Task<T> newTask(String name, Coroutine<T> coroutine, boolean background, boolean eager) {
        checkOpen();
        Objects.requireNonNull(coroutine, "coroutine");
        coroutine.start();
        String taskName = name != null ? name : coroutine.name();
        Task<T> task = new Task<>(this, taskName, taskName == null ? ++unnamedTasks : 0, coroutine, background);
        task.id = ++taskCount;
        queue.taskCreated(task);
        live.add(task);
        if (listener != null) {
            listener.taskCreated(task);
        }
        if (eager && running) {
            task.step(null); // asyncio's __eager_start: the first step, now, as the current task
        } else {
            scheduleStep(task);
        }
        return task;
    }

    /** A new pending future of this loop, named "Future-N". */
    public <T> SimFuture<T> createFuture() {
        checkOpen();
        return new SimFuture<>(this, "Future-" + (++unnamedFutures));
    }

    /**
     * A new pending future of this loop with a name for messages.
     *
     * @param name the name, not null
     * @param <T> the result type
     * @return the future
     */
    public <T> SimFuture<T> createFuture(String name) {
        checkOpen();
        return new SimFuture<>(this, Objects.requireNonNull(name, "name"));
    }

    // ---------------------------------------------------------------- adapters for ordinary Java code

    /**
     * A {@link Clock} (so also an {@link java.time.InstantSource}) on this loop's {@linkplain #time() time}, virtual
     * or (on a real-time loop) real: the epoch at the loop's time zero, in UTC. Like the loop, it answers on the
     * loop's thread only.
     */
    public Clock clock() {
        return clock(Instant.EPOCH, ZoneOffset.UTC);
    }

    /**
     * A {@link Clock} on this loop's {@linkplain #time() time} that reads {@code start} at the loop's time zero, in
     * {@code zone}.
     *
     * @param start the instant at the loop's time zero, not null
     * @param zone the clock's zone, not null
     * @return the clock
     */
    public Clock clock(Instant start, ZoneId zone) {
        return new LoopTimeClock(this, start, zone);
    }

    /**
     * An {@link Executor} that runs each command as a callback of this loop (as {@link #callSoon} does): pass it to
     * {@code CompletableFuture}'s {@code *Async} methods, which otherwise run on the JDK's common pool in real time.
     * It throws a {@link WrongThreadException} on another thread, and a
     * {@link java.util.concurrent.RejectedExecutionException} once the loop is closed.
     *
     * <p>Not virtualised, even with this executor: {@code orTimeout}, {@code completeOnTimeout} and
     * {@code delayedExecutor} wait on the JDK's own timer thread in real time. Schedule such timeouts on
     * {@link #scheduledExecutor()} instead (see docs/adapters.md).
     */
    public Executor executor() {
        return new LoopExecutor(this);
    }

    /**
     * A new {@link java.util.concurrent.ScheduledExecutorService} on this loop's virtual time, on every call; see
     * {@link SimScheduledExecutor} for its semantics.
     *
     * <p>Each call makes another executor with its own shutdown state, as {@code Executors.newScheduledThreadPool}
     * does: call it once and hand the same executor around when the parts should share it. The first is named
     * "scheduled", the later ones "scheduled#2", "scheduled#3", ..., so their tasks stay apart in traces.
     *
     * @return a new executor
     */
    public SimScheduledExecutor scheduledExecutor() {
        checkOpen();
        int n = ++scheduledExecutors;
        return new SimScheduledExecutor(this, n == 1 ? "scheduled" : "scheduled#" + n);
    }

    // ---------------------------------------------------------------- the exception handler

    /**
     * Sets the handler that receives this loop's {@linkplain LoopProblem problems} from now on, replacing the previous
     * one (asyncio's {@code set_exception_handler}). A handler that wants the usual treatment as well calls
     * {@link #defaultExceptionHandler}; one that swallows a problem hides it, as in asyncio.
     *
     * @param handler the handler, may be null to go back to the default handler
     */
    public void setExceptionHandler(Consumer<LoopProblem> handler) {
        checkThread();
        problems.handler(handler);
    }

    /**
     * The handler set with {@link #setExceptionHandler}, or null if none is (asyncio's {@code get_exception_handler});
     * the {@linkplain Builder#onProblem builder's handler} is the default handler, not this one.
     *
     * @return the handler, may be null
     */
    public Consumer<LoopProblem> getExceptionHandler() {
        checkThread();
        return problems.handler();
    }

    /**
     * Hands {@code problem} to the exception handler, or to the default handler if none is set (asyncio's
     * {@code call_exception_handler}); this is the path the loop's own problems take. If the handler throws, its
     * exception goes to the default handler, as a problem of the same kind whose message names both.
     *
     * @param problem the problem, not null; {@link LoopProblem.Kind#REPORTED} for one of the caller's own
     */
    public void callExceptionHandler(LoopProblem problem) {
        checkThread();
        problems.report(Objects.requireNonNull(problem, "problem"));
    }

    /**
     * The default handler (asyncio's {@code default_exception_handler}): the one set with {@link Builder#onProblem},
     * or a warning logged through {@link System.Logger} ("dev.simloop") if none was. A simulation and the JUnit
     * extension collect problems here, so a run-time handler that passes problems on keeps them failing the run.
     *
     * @param problem the problem, not null
     */
    public void defaultExceptionHandler(LoopProblem problem) {
        checkThread();
        problems.reportToDefault(Objects.requireNonNull(problem, "problem"));
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs the loop until {@code awaitable} is done and returns its result, or rethrows its exception unchanged. A
     * coroutine is wrapped in a task first. Like asyncio, the loop stops at the end of the iteration after the one in
     * which the awaitable completed.
     *
     * @param awaitable what to wait for, not null
     * @param <T> the result type
     * @return its result
     * @throws DeadlockException if nothing is ready, no timer is pending and it is not done (virtual time only: a
     *     {@linkplain Builder#realTime() real-time} loop waits for other threads, as asyncio does)
     */
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        checkOpen();
        Objects.requireNonNull(awaitable, "awaitable");
        FutureBase<T> future = switch (awaitable) {
            case Coroutine<T> c -> createTask(c);
            case FutureBase<T> f -> {
                if (f.loop != this) {
                    throw new IllegalArgumentException(f.describe() + " belongs to a different event loop.");
                }
                yield f;
            }
        };
        boolean[] stopping = {false};
        Consumer<Object> stop = f -> stopping[0] = true;
        future.addCallback(stop);
        try {
            drive(() -> {
                // like asyncio's run_until_complete, finish the iteration in which the future completed, then stop
                while (!(queue.iterationDone() && stopping[0])) {
                    if (!step()) {
                        throw deadlock(future.describe() + " can never finish");
                    }
                }
            });
        } finally {
            future.removeCallback(stop);
        }
        return future.result();
    }

    /**
     * Runs the loop until {@link #stop()} is called, as asyncio's {@code run_forever}: the iteration in which
     * {@code stop()} ran is finished, then this returns; a later call runs the loop again. A {@code stop()} outside
     * {@code runForever} (before it, or during another running method) makes the next call return at once
     * ({@link #stopThreadsafe()} instead queues the stop, so the next call runs what is ready first). A
     * {@linkplain Builder#realTime() real-time} loop with nothing to do sleeps until its next timer or until another
     * thread hands it work.
     *
     * @throws DeadlockException on a virtual-time loop, if nothing is ready and no timer is pending before
     *     {@code stop()} was called: in virtual time no other thread can call it
     */
    public void runForever() {
        checkOpen();
        try {
            drive(() -> {
                while (!(queue.iterationDone() && stopping)) { // stop() ends the current iteration first
                    if (!step()) {
                        throw deadlock("runForever() can never return, as stop() was never called");
                    }
                }
            });
        } finally {
            stopping = false;
        }
    }

    /**
     * Makes {@link #runForever()} return once the current iteration is done (asyncio's {@code stop}); on the loop's
     * thread, e.g. in a callback or a coroutine. From another thread use {@link #stopThreadsafe()}.
     */
    public void stop() {
        checkThread();
        stopping = true;
    }

    /**
     * Runs until no foreground work is left: no ready callback and no timer other than background tasks' work,
     * advancing virtual time through every timer on the way. Tasks that wait on something nobody will complete do
     * not count as work.
     */
    public void runUntilIdle() {
        runWhile(queue::hasForegroundWork);
    }

    /**
     * Advances virtual time by {@code duration}, running everything due up to and including the end point, then
     * leaves the clock at exactly the end point. On a real-time loop it runs the loop for {@code duration} of real
     * time, and returns once that has passed.
     *
     * @param duration how far, not null, not negative
     */
    public void advanceBy(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("advanceBy(" + duration + "): virtual time cannot go backwards.");
        }
        long target = VirtualTimes.saturatingAdd(clock.now(), VirtualTimes.nanos(duration));
        do {
            runWhile(() -> queue.hasWorkDueBy(target));
            clock.advanceTo(target); // the real clock may return early, woken by work from another thread
        } while (clock.now() < target);
    }

    /** Runs everything that is ready or due at the current virtual time, without advancing it. */
    public void runCurrent() {
        runWhile(() -> queue.hasWorkDueBy(clock.now()));
    }

    /** Steps while {@code more} holds before a step, and stops early when nothing at all is left to run. */
    private void runWhile(BooleanSupplier more) {
        checkOpen();
        drive(() -> {
            while (more.getAsBoolean() && step()) {
                // each verb's stop condition is its supplier, checked before every step
            }
        });
    }

    /**
     * One step: the unit that {@link #stepCount()}, the step limit, the trace and the policies count in. Every way of
     * driving the loop is a loop over this method with its own stop condition. In order:
     * <ol>
     *   <li>If the current iteration has run all its callbacks, the next begins ({@link ReadyQueue#startIteration()}):
     *       the callbacks other threads handed in join the ready queue; if nothing is ready the clock moves to the
     *       first timer (after the time limit is checked); the timers now due join the ready callbacks, and the
     *       iteration's batch is fixed, as CPython's {@code _run_once} does.</li>
     *   <li>The next callback is taken ({@link ReadyQueue#next()}), after the step limit is checked: FIFO's next, or
     *       the one the policy's {@link Scheduler} picks among those its scope allows, recorded as a decision. A
     *       cancelled callback is dropped there and takes no step.</li>
     *   <li>The listener hears of a timer that fires, the step count goes up and the callback runs. A task's callback
     *       resumes its coroutine's strand ({@link LoopThreads#resume}) until it awaits or ends; whatever the callback
     *       throws goes to the problem handler.</li>
     *   <li>The blocked-loop watch closes the step, and fails it if it held the thread past the limit.</li>
     * </ol>
     *
     * @return false, having run nothing, when nothing at all is left to run (never on a real-time loop, which waits
     *     for its next timer or for work from another thread instead)
     */
    private boolean step() {
        if (queue.iterationDone() && !queue.startIteration()) {
            return false;
        }
        Handle h = queue.next();
        if (h == null) {
            return true;
        }
        if (listener != null && h instanceof TimerHandle t) {
            listener.timerFired(t);
        }
        steps++;
        blockedWatch.stepStarted();
        try {
            runHandle(h);
        } catch (Exception | AssertionError | StackOverflowError e) {
            // asyncio hands every Exception to the handler and goes on; checked exceptions arrive here sneakily
            problems.report(LoopProblem.Kind.CALLBACK_EXCEPTION, "A callback threw at virtual time "
                    + VirtualTimes.format(clock.now()) + " (step " + steps + "): " + e
                    + (e instanceof StackOverflowError ? " (its stack overflowed: look for unbounded recursion, or "
                            + "an await chain thousands of coroutines deep)" : ""), e);
        } finally {
            blockedWatch.stepEnded();
        }
        blockedWatch.throwIfBlocked();
        return true;
    }

    /** Runs {@code iterations} as the running loop: one running method at a time, one loop per thread. */
    private void drive(Runnable iterations) {
        if (running) {
            throw new IllegalStateException("This event loop is already running: it cannot be run again from "
                    + "inside one of its own callbacks or coroutines. Await instead.");
        }
        String other = threads.otherLoopRunning();
        if (other != null) {
            throw new IllegalStateException("Cannot run event loop '" + name + "' while event loop '" + other
                    + "' is running on this thread.");
        }
        running = true;
        blockedWatch.watch();
        try {
            threads.runAsLoop(iterations);
        } finally {
            blockedWatch.unwatch();
            running = false;
        }
    }

    /** Fails the run before a step that would pass the step limit; the step stays scheduled. */
    void checkStepLimit() {
        if (steps >= limits.stepLimitAt) {
            throw limits.stepLimit(steps, clock.now(), live.lines());
        }
    }

    /**
     * Fails the run before the clock moves to a timer due at {@code when} past the virtual-time limit; {@code
     * background} says whether that timer is background work (a periodic task's next run).
     */
    void checkTimeLimit(long when, boolean background) {
        if (when > limits.timeLimitAt) {
            throw limits.timeLimit(when, background, steps, clock.now(), live.lines());
        }
    }

    /** A virtual-time deadlock: {@code what} (e.g. "task 'main' can never finish") as nothing is left to run. */
    private DeadlockException deadlock(String what) {
        return LoopProblems.deadlock(what, clock.now(), steps, live.lines());
    }

    // ---------------------------------------------------------------- state

    /** The loop's time in nanoseconds since it started: virtual, or real for a real-time loop. */
    public long time() {
        checkThread();
        return clock.now();
    }

    /**
     * The loop's time as an instant ({@link #time()} as a {@link LoopInstant}): prints as "1.5 s", and moves with
     * {@code plus(Duration)}.
     *
     * @return the current instant
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public LoopInstant now() {
        return LoopInstant.ofNanos(time());
    }

    /** How many callbacks (steps) have run so far; task steps included. */
    public long stepCount() {
        checkThread();
        return steps;
    }

    /**
     * The events so far, as the builder's {@linkplain Builder#trace(TraceLevel) trace level} records them.
     *
     * @throws IllegalStateException if the loop was built without a trace
     */
    public Trace trace() {
        checkThread();
        if (recorder == null) {
            throw new IllegalStateException("Event loop '" + name + "' records no trace: build it with "
                    + "EventLoop.builder().trace(TraceLevel.DEFAULT).");
        }
        return recorder.snapshot();
    }

    long steps() {
        return steps;
    }

    boolean recordsTrace() {
        return recorder != null;
    }

    long timeUnchecked() {
        return clock.now();
    }

    /** The seed this loop was built with (0 unless set); it drives the policy, {@link #random()} and buggify. */
    public long seed() {
        return seeded.seed;
    }

    /**
     * The seeded random source for user code: use it instead of {@code new Random()} or {@code Math.random()} so
     * that a seed replays the run. Its draws are apart from the policy's, so drawing from it does not change the
     * schedule.
     */
    public RandomGenerator random() {
        checkThread();
        return seeded.userRandom;
    }

    /**
     * A fault point in the style of FoundationDB's {@code BUGGIFY}: whether the code should misbehave here now.
     * Never true under {@link Policy#FIFO}. Under any other policy each point (by name) is enabled for the whole run
     * with probability 1/4, drawn from the seed when the run first reaches it; an enabled point then fires with
     * probability 1/4 each time it is reached.
     *
     * @param name the fault point's name, not null
     * @return whether to take the faulty path
     */
    public boolean buggify(String name) {
        checkThread();
        Objects.requireNonNull(name, "name");
        return seeded.buggify != null && seeded.buggify.fires(name);
    }

    /**
     * Records a user mark in the trace (a {@link LoopListener#mark} event at the current step and virtual time);
     * does nothing without a listener.
     *
     * @param label what happened, not null
     */
    public void mark(String label) {
        checkThread();
        Objects.requireNonNull(label, "label");
        if (listener != null) {
            listener.mark(threads.runningTask(), label);
        }
    }

    /**
     * The decisions this loop's policy took so far: each pick among two or more ready callbacks, as the index chosen
     * among them in FIFO order. Empty under {@link Policy#FIFO}, which decides nothing.
     */
    public Decisions decisions() {
        checkThread();
        return queue.decisions(seeded.seed);
    }

    /** The loop's name, for messages. */
    public String name() {
        return name;
    }

    /** Whether the loop runs on real time ({@link Builder#realTime()}) instead of virtual time. */
    public boolean isRealTime() {
        return clock.waitsForOtherThreads();
    }

    /** The strand backend this loop's coroutines run on. */
    public StrandBackend strandBackend() {
        return strands;
    }

    /**
     * Whether no foreground work is scheduled: no ready callback and no timer other than background tasks' work.
     * Tasks suspended on something that nobody will complete do not count as work ({@link #runUntilIdle()} stops
     * here).
     */
    public boolean isIdle() {
        checkThread();
        return !queue.hasForegroundWork();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Whether one of the running methods is on the stack. */
    public boolean isRunning() {
        return running;
    }

    /** Tasks not yet done, in creation order. */
    public List<Task<?>> pendingTasks() {
        checkThread();
        return live.toList();
    }

    // ---------------------------------------------------------------- closing

    /**
     * Closes the loop: reports (to the problem handler) tasks still pending other than background ones, coroutines
     * created in it but never started, and exceptions nobody retrieved; then unwinds the stacks of suspended
     * coroutines so their finally blocks run (as Python closes a coroutine with {@code GeneratorExit}), and drops
     * everything scheduled. Closing twice does nothing. A {@linkplain Builder#realTime() real-time} loop closes
     * gracefully: it first cancels every task still pending (background ones too) and runs until they have finished,
     * in real time, as {@code asyncio.run} does; a task that ignores its cancellation keeps it waiting.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    public void close() {
        checkThread();
        if (closed) {
            return;
        }
        if (running) {
            throw new IllegalStateException("Cannot close event loop '" + name + "' while it is running.");
        }
        if (clock.waitsForOtherThreads()) {
            cancelPendingTasks();
        }
        closed = true;
        reportRefusedCalls();
        problems.reportAtClose(name, live);
        threads.bound(() -> {
            for (Task<?> t = live.head; t != null; t = t.nextLive) {
                if (!t.unwind()) {
                    problems.report(LoopProblem.Kind.SHUTDOWN_EXCEPTION, "Task '" + t.name() + "' would not end when "
                            + "event loop '" + name + "' closed: its body caught the close signal (" + Task.Unwind.class
                            .getName() + ") " + Task.MAX_UNWINDS + " times and suspended again, so what it holds is "
                            + "never released. Catch Exception, not Throwable, around awaits.", null);
                }
            }
        });
        problems.clear();
        queue.clear();
        live.clear();
    }

    /** Cancels every pending task and runs until they are done: asyncio.run's clean-up. */
    void cancelPendingTasks() {
        List<Task<?>> pending = pendingTasks();
        if (pending.isEmpty()) {
            return;
        }
        for (Task<?> t : pending) {
            t.cancel();
        }
        limits.renewForCleanUp(steps, clock.now());
        runWhile(() -> {
            for (Task<?> t : pending) {
                if (!t.isDone()) {
                    return true;
                }
            }
            return false;
        });
        for (Task<?> t : pending) {
            if (!t.isDone() || t.isCancelled()) {
                continue;
            }
            Throwable e = t.peekException();
            if (e != null) {
                t.exception();
                problems.report(LoopProblem.Kind.SHUTDOWN_EXCEPTION, "Task '" + t.name() + "' failed with " + e
                        + " while EventLoop.run cancelled the tasks left after the main coroutine.", e);
            }
        }
    }

    // ---------------------------------------------------------------- internal hooks

    static EventLoop current() {
        return LoopThreads.currentLoop();
    }

    /** The task whose body runs on the calling thread right now, or null. */
    static Task<?> currentTask() {
        return LoopThreads.currentTask();
    }

    /** Whether code running now belongs to a background task (its callbacks are background work too). */
    boolean inBackground() {
        Task<?> task = threads.runningTask();
        return task != null && task.isBackground();
    }

    /** Whether the calling thread may call into the loop right now (the test {@link #checkThread()} makes). */
    boolean isLoopThread() {
        return threads.isLoopThread();
    }

    /** Refuses a call from another thread with a {@link WrongThreadException}, which the loop also reports. */
    void checkThread() {
        threads.check();
    }

    /**
     * Reports the calls {@link #checkThread()} refused so far as {@link LoopProblem.Kind#FOREIGN_THREAD} problems, on
     * the loop's thread, when an iteration begins and when the loop closes: a refusal that its caller swallowed still
     * fails the run.
     */
    void reportRefusedCalls() {
        WrongThreadException e;
        while ((e = threads.pollRefused()) != null) {
            problems.report(LoopProblem.Kind.FOREIGN_THREAD, e.getMessage(), e);
        }
    }

    void checkOpen() {
        checkThread();
        if (closed) {
            throw new IllegalStateException("Event loop '" + name + "' is closed: it cannot schedule or run "
                    + "anything. Create a new loop.");
        }
    }

    Handle callSoonInternal(Runnable callback, boolean background) {
        return queue.callSoon(callback, background);
    }

    TimerHandle callAtInternal(long when, Runnable callback, boolean background) {
        return queue.callAt(when, callback, background);
    }

    void cancelTimerInternal(TimerHandle t) {
        queue.cancelTimer(t);
    }

    /** A handle was cancelled: a timer leaves the heap now; a ready callback is skipped when reached. */
    void handleCancelled(Handle h) {
        queue.cancelled(h);
    }

    /**
     * Runs a handle's callback. A handle without one is a task's own: a ready handle runs the task's next step, a
     * timer is the end of the task's sleep and schedules that step (so no object per step or per sleep is made).
     */
    private static void runHandle(Handle h) {
        Runnable callback = h.callback;
        if (callback != null) {
            callback.run();
        } else if (h instanceof TimerHandle) {
            h.loop.scheduleStep(h.task);
        } else {
            h.task.step(null);
        }
    }

    Handle scheduleStep(Task<?> task) {
        Handle h = callSoonInternal(null, task.isBackground());
        h.task = task;
        return h;
    }

    void scheduleWakeup(Task<?> task, FutureBase<?> done) {
        Handle h = callSoonInternal(() -> task.wakeUp(done), task.isBackground());
        h.task = task;
        if (done instanceof SimFuture<?> f) {
            h.resource = f.resource;
        }
    }

    void taskFinished(Task<?> task) {
        live.remove(task);
        if (listener != null) {
            listener.taskFinished(task);
        }
    }

    void coroutineCreated(Coroutine<?> c) {
        problems.coroutineCreated(c);
    }

    void coroutineStarted(Coroutine<?> c) {
        problems.coroutineStarted(c);
    }

    void exceptionSet(FutureBase<?> f) {
        problems.exceptionSet(f);
    }

    void exceptionRetrieved(FutureBase<?> f) {
        problems.exceptionRetrieved(f);
    }

    @Override
    public String toString() {
        return "EventLoop[" + name + ", time " + VirtualTimes.format(clock.now()) + ", step " + steps
                + (closed ? ", closed]" : running ? ", running]" : "]");
    }

    // ---------------------------------------------------------------- builder

    /**
     * Immutable settings for a loop; each method returns a new builder.
     *
     * <pre>{@code
     * EventLoop loop = EventLoop.builder().name("cache test").blockedThreshold(Duration.ofSeconds(1)).build();
     * }</pre>
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        /** The most events a trace holds unless set: about 40 MB at the default level (simloop-bench trace). */
        static final int DEFAULT_TRACE_CAPACITY = 1_000_000;
        static final Builder DEFAULTS = new Builder();

        private String name = "loop";
        private Duration blockedThreshold = Duration.ofSeconds(5);
        private LoopListener listener;
        private Consumer<LoopProblem> onProblem;
        private StrandBackend strands;
        private long seed;
        private Policy policy = Policy.FIFO;
        private long maxSteps = Long.MAX_VALUE;
        private long maxVirtualTime = Long.MAX_VALUE;
        private TraceLevel traceLevel = TraceLevel.OFF;
        /** The most events the trace holds; older ones are dropped (the fingerprint still covers them). */
        private int traceCapacity = DEFAULT_TRACE_CAPACITY;
        /** Whether the loop runs on real time; then its policy is FIFO. */
        private boolean realTime;

        private Builder() {
        }

        /**
         * A copy of this builder with {@code change} applied: builders are immutable to their users, so each setting
         * copies, and a new setting touches only its field and its method.
         */
        private Builder with(Consumer<Builder> change) {
            Builder copy = new Builder();
            copy.name = name;
            copy.blockedThreshold = blockedThreshold;
            copy.listener = listener;
            copy.onProblem = onProblem;
            copy.strands = strands;
            copy.seed = seed;
            copy.policy = policy;
            copy.maxSteps = maxSteps;
            copy.maxVirtualTime = maxVirtualTime;
            copy.traceLevel = traceLevel;
            copy.traceCapacity = traceCapacity;
            copy.realTime = realTime;
            change.accept(copy);
            return copy;
        }

        /**
         * The seed of the run (0 by default): with the policy it decides everything the loop does, and it seeds
         * {@link EventLoop#random()} and {@link EventLoop#buggify(String)}.
         *
         * @param seed any 64-bit value
         * @return a new builder
         */
        public Builder seed(long seed) {
            return with(b -> b.seed = seed);
        }

        /**
         * The policy that orders ready callbacks ({@link Policy#FIFO}, CPython's order, by default).
         *
         * @param policy the policy, not null; {@link Policy#pct(int)} needs its step count first
         *     ({@link Policy#pct(int, long)})
         * @return a new builder
         */
        public Builder policy(Policy policy) {
            Objects.requireNonNull(policy, "policy").requireRunnable();
            if (realTime) {
                requireFifoForRealTime(policy);
            }
            return with(b -> b.policy = policy);
        }

        /**
         * How much the loop records in its {@link EventLoop#trace()} ({@link TraceLevel#OFF} by default).
         *
         * @param level the level, not null
         * @return a new builder
         */
        public Builder trace(TraceLevel level) {
            return with(b -> b.traceLevel = Objects.requireNonNull(level, "level"));
        }

        /**
         * The most events the {@linkplain EventLoop#trace() trace} holds (1,000,000 by default): a run that records
         * more keeps its last {@code events} events and drops the oldest, so a long run's heap stays flat; the
         * fingerprint still covers every event, and the trace says how many were dropped ({@link Trace#dropped()}).
         *
         * @param events the most events held, positive
         * @return a new builder
         */
        public Builder traceCapacity(int events) {
            if (events <= 0) {
                throw new IllegalArgumentException("Configuration error: traceCapacity must be positive, was " + events
                        + ".");
            }
            return with(b -> b.traceCapacity = events);
        }

        /**
         * The most steps a run may take (no limit by default); the step after the limit fails the running call with a
         * {@link LimitExceededException} that names the tasks still running.
         *
         * @param limit the limit, positive
         * @return a new builder
         */
        public Builder maxSteps(long limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("Configuration error: maxSteps must be positive, was " + limit
                        + ".");
            }
            return with(b -> b.maxSteps = limit);
        }

        /**
         * The latest virtual time a run may reach (no limit by default): moving the clock past it to a timer fails
         * the running call with a {@link LimitExceededException} that names the tasks still running.
         *
         * @param limit virtual time since the loop's start, not null, not negative
         * @return a new builder
         */
        public Builder maxVirtualTime(Duration limit) {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative()) {
                throw new IllegalArgumentException("Configuration error: maxVirtualTime must not be negative, was "
                        + limit + ".");
            }
            return with(b -> b.maxVirtualTime = VirtualTimes.nanos(limit));
        }

        /**
         * The loop's name, used in messages and thread names ("loop" by default).
         *
         * @param name the name, not null
         * @return a new builder
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            return with(b -> b.name = name);
        }

        /**
         * How long one step may block the loop's thread, in wall-clock time, before it is reported (5 s by default);
         * {@link Duration#ZERO} turns the check off.
         *
         * @param limit the limit, not null, not negative
         * @return a new builder
         */
        public Builder blockedThreshold(Duration limit) {
            Objects.requireNonNull(limit, "limit");
            if (limit.isNegative()) {
                throw new IllegalArgumentException("Configuration error: blockedThreshold must not be negative, "
                        + "was " + limit + ".");
            }
            return with(b -> b.blockedThreshold = limit);
        }

        /**
         * The listener told about tasks and timers as they happen; none by default.
         *
         * @param listener the listener, may be null for none
         * @return a new builder
         */
        public Builder listener(LoopListener listener) {
            return with(b -> b.listener = listener);
        }

        /**
         * Where problems go that do not fail the running call (a pending task at close, an unretrieved exception, a
         * never-awaited coroutine, a failing callback); logged as warnings by default. This is the loop's
         * {@linkplain EventLoop#defaultExceptionHandler default exception handler}: a handler set at run time with
         * {@link EventLoop#setExceptionHandler} takes precedence, and passes problems on by calling it.
         *
         * @param handler the handler, may be null for the default
         * @return a new builder
         */
        public Builder onProblem(Consumer<LoopProblem> handler) {
            return with(b -> b.onProblem = handler);
        }

        /**
         * The strand backend; {@link StrandBackend#defaultBackend()} unless set.
         *
         * @param backend the backend, may be null for the default
         * @return a new builder
         */
        public Builder strands(StrandBackend backend) {
            return with(b -> b.strands = backend);
        }

        /**
         * A loop on real time, for production: timers wait in real time, the policy is {@link Policy#FIFO}, and a
         * loop with nothing to do sleeps until its next timer or until another thread hands it work through
         * {@link EventLoop#callSoonThreadsafe}; it never reports a deadlock. Everything else (the API, the order, the
         * thread confinement, the blocked-loop watchdog) is as on virtual time. See docs/realtime.md.
         *
         * @return a new builder
         * @throws IllegalArgumentException if a policy other than FIFO was chosen
         */
        public Builder realTime() {
            requireFifoForRealTime(policy);
            return with(b -> b.realTime = true);
        }

        private static void requireFifoForRealTime(Policy policy) {
            if (policy != Policy.FIFO) {
                throw new IllegalArgumentException("Configuration error: a real-time loop runs its callbacks in FIFO "
                        + "order only, but the policy is " + policy + ". Seeded policies are for simulation: test the "
                        + "same code on a virtual-time loop.");
            }
        }

        boolean isRealTime() {
            return realTime;
        }

        boolean tracing() {
            return traceLevel != TraceLevel.OFF;
        }

        /** A new loop with these settings, belonging to the calling thread. */
        public EventLoop build() {
            return new EventLoop(this);
        }

        /**
         * Runs {@code main} on a new loop with these settings, as {@link EventLoop#run(Coroutine)} does.
         *
         * @param main the main coroutine, not null, not started
         * @param <T> the result type
         * @return the main coroutine's result
         */
        public <T> T run(Coroutine<T> main) {
            Objects.requireNonNull(main, "main");
            EventLoop loop = build();
            Throwable failure = null;
            try {
                return loop.runUntilComplete(main);
            } catch (Throwable t) {
                failure = t;
                throw t;
            } finally {
                try {
                    loop.cancelPendingTasks();
                    loop.close();
                } catch (Throwable cleanup) {
                    if (failure == null) {
                        throw Sneaky.rethrow(cleanup);
                    }
                    failure.addSuppressed(cleanup);
                }
            }
        }
    }
}

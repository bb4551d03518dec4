/**
 * simloop: an asyncio-style event loop for Java on a virtual clock, for deterministic tests of concurrent code.
 *
 * <h2>In one example</h2>
 * <pre>{@code
 * import static dev.simloop.Sim.*;
 *
 * String answer = EventLoop.run(Coroutine.of(() -> {
 *     Task<String> slow = createTask(Coroutine.of("slow", () -> {
 *         sleep(Duration.ofHours(1));          // an hour of virtual time, microseconds of wall time
 *         return "done";
 *     }));
 *     return await(slow);
 * }));
 * }</pre>
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link dev.simloop.EventLoop}: runs callbacks and tasks one at a time on one thread, on virtual time.</li>
 *   <li>{@link dev.simloop.Coroutine}: a suspendable body; creating one runs nothing.</li>
 *   <li>{@link dev.simloop.Task}: a coroutine scheduled to run concurrently with others.</li>
 *   <li>{@link dev.simloop.SimFuture}: a low-level result that callbacks resolve.</li>
 *   <li>{@link dev.simloop.Sim}: {@code await}, {@code sleep}, {@code yieldNow}, {@code createTask} for coroutine
 *       bodies (static import), and asyncio's combinators: {@code shield}, {@code gather}, {@code wait},
 *       {@code waitFor}, {@code asCompleted}, {@code timeout}, {@code timeoutAt}.</li>
 *   <li>Scopes that take their body as a lambda, because Java's {@code close()} cannot see the body's exception:
 *       {@link dev.simloop.Timeout} and {@link dev.simloop.TaskGroup}.</li>
 *   <li>Synchronisation, fair as in CPython 3.13, in {@link dev.simloop.sync}: {@link dev.simloop.sync.Lock},
 *       {@link dev.simloop.sync.Event}, {@link dev.simloop.sync.Condition}, {@link dev.simloop.sync.Semaphore},
 *       {@link dev.simloop.sync.BoundedSemaphore}, {@link dev.simloop.sync.Barrier}; and
 *       {@link dev.simloop.sync.Queue}, {@link dev.simloop.sync.PriorityQueue}, {@link dev.simloop.sync.LifoQueue}.</li>
 *   <li>Exceptions, all unchecked, under {@link dev.simloop.SimException}: {@link dev.simloop.CancelledException},
 *       {@link dev.simloop.SimTimeoutException}, {@link dev.simloop.TaskGroupException},
 *       {@link dev.simloop.sync.QueueShutDownException}, {@link dev.simloop.sync.QueueEmptyException},
 *       {@link dev.simloop.sync.QueueFullException}, {@link dev.simloop.sync.BarrierBrokenException}.</li>
 * </ul>
 *
 * <p>Where CPython leaves an order undefined (iterating a set of tasks, equal priorities, timers with equal
 * deadlines), simloop uses creation order, and the type's javadoc says so.
 *
 * <h2>Many interleavings, replay, shrinking</h2>
 * <ul>
 *   <li>{@link dev.simloop.Policy}: which ready callback runs next: {@code FIFO} (CPython's order, the default),
 *       {@code RANDOM}, {@code PCT(depth)}, {@code POS}, a portfolio, or the replay of recorded decisions; each
 *       chooses among everything ready at every step, or only within a loop iteration ({@code perIteration()}). A run
 *       is a pure function of (seed, policy); the seed also drives {@link dev.simloop.EventLoop#random()} and the
 *       fault points of {@link dev.simloop.Sim#buggify(String)}.</li>
 *   <li>{@link dev.simloop.Simulation}: runs a test body under many seeds (on several threads if asked), with a
 *       determinism check, and shrinks the first failure to its fewest delays from FIFO
 *       ({@link dev.simloop.SweepResult}, {@link dev.simloop.RunResult}, {@link dev.simloop.Decisions}); or runs every
 *       schedule within a delay bound ({@link dev.simloop.Simulation#explore(int)}, {@link dev.simloop.ExploreResult}),
 *       a guarantee when none fails.</li>
 *   <li>{@link dev.simloop.Trace}: the events of a run (created, started, suspended on what, resumed, finished,
 *       timer fired, marks) with a 64-bit fingerprint; renders as text, a per-task column table, Chrome
 *       trace-event JSON and a self-contained HTML timeline ({@link dev.simloop.Trace#renderHtml()}).</li>
 *   <li>Step and virtual-time limits ({@link dev.simloop.EventLoop.Builder#maxSteps(long)},
 *       {@link dev.simloop.EventLoop.Builder#maxVirtualTime(java.time.Duration)}) end runs that never finish with a
 *       {@link dev.simloop.LimitExceededException} naming the tasks still running.</li>
 * </ul>
 *
 * <h2>Ordinary Java code on virtual time</h2>
 * <ul>
 *   <li>Adapters for code written for ordinary Java: {@link dev.simloop.EventLoop#clock()} (a
 *       {@code java.time.Clock}), {@link dev.simloop.EventLoop#scheduledExecutor()} (a
 *       {@code ScheduledExecutorService}), {@link dev.simloop.EventLoop#executor()} (for {@code CompletableFuture}
 *       stages), {@link dev.simloop.Sim#await(java.util.concurrent.CompletionStage)} and
 *       {@code task.toCompletableFuture()}, all on virtual time.</li>
 * </ul>
 *
 * <h2>The same code in production</h2>
 * {@link dev.simloop.EventLoop.Builder#realTime()} builds the same loop on real time: FIFO order, timers that wait
 * in real time, a thread that sleeps until its next timer or until another thread hands it work;
 * {@link dev.simloop.EventLoop#runForever()}, {@link dev.simloop.EventLoop#stopThreadsafe()}, a graceful close, and
 * {@link dev.simloop.Sim#toThread} for blocking calls. The coroutine code tested under simulation is the code that
 * ships.
 *
 * <p>Ordering follows CPython's asyncio exactly (its semantics are the specification): ready callbacks run in FIFO
 * order, one pass per loop iteration; due timers run by (deadline, creation order); done-callbacks run through
 * {@code callSoon} in registration order. Other policies reorder only the callbacks of one iteration.
 *
 * <p>Only one coroutine runs at a time, on the loop's thread or a thread standing in for it, so code run by a loop
 * needs no locks. A loop refuses calls from any other thread except {@link dev.simloop.EventLoop#callSoonThreadsafe}
 * and {@link dev.simloop.EventLoop#stopThreadsafe}.
 */
package dev.simloop;

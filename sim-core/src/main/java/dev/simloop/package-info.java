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
 *       bodies (static import).</li>
 *   <li>Adapters for code written for ordinary Java: {@link dev.simloop.EventLoop#clock()} (a
 *       {@code java.time.Clock}), {@link dev.simloop.EventLoop#scheduledExecutor()} (a
 *       {@code ScheduledExecutorService}), {@link dev.simloop.EventLoop#executor()} (for {@code CompletableFuture}
 *       stages), {@link dev.simloop.Sim#await(java.util.concurrent.CompletionStage)} and
 *       {@code task.toCompletableFuture()}, all on virtual time.</li>
 * </ul>
 *
 * <p>Ordering follows CPython's asyncio exactly (its semantics are the specification): ready callbacks run in FIFO
 * order, one pass per loop iteration; due timers run by (deadline, creation order); done-callbacks run through
 * {@code callSoon} in registration order.
 *
 * <p>Only one coroutine runs at a time, on the loop's thread or a thread standing in for it, so code run by a loop
 * needs no locks. A loop refuses calls from any other thread except {@link dev.simloop.EventLoop#callSoonThreadsafe}.
 */
package dev.simloop;

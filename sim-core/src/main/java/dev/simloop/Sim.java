package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * What a coroutine body calls: {@code await}, {@code sleep}, {@code yieldNow}, {@code createTask}, and asyncio's
 * combinators ({@code shield}, {@code gather}, {@code wait}, {@code waitFor}, {@code asCompleted}). Meant for
 * {@code import static dev.simloop.Sim.*}; {@code wait} must be called as {@code Sim.wait} (see there). Scopes are
 * their own types: {@link Timeout}, {@link TaskGroup}.
 *
 * <p>Each works only inside a coroutine running on a loop (a task's body, or a coroutine it awaits); anywhere else
 * it throws an {@link IllegalStateException} that says so.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Sim {
    private Sim() {}

    /**
     * Waits for {@code awaitable} and returns its result, suspending the current task if it is not done yet.
     *
     * <ul>
     *   <li>A {@link Coroutine} runs right here, on the awaiting task's stack; it suspends only where its body
     *       does. It can be awaited once.</li>
     *   <li>A done {@link Task} or {@link SimFuture} returns at once without suspending, as in CPython.</li>
     *   <li>A pending one suspends the task; it resumes in the loop iteration after the awaited one completes.</li>
     * </ul>
     *
     * <p>A failure is rethrown unchanged, checked exceptions included (as Kotlin does; Java cannot declare them
     * here). A cancelled awaitable, or a cancel of the current task, throws {@link CancelledException}.
     *
     * @param awaitable what to wait for, not null
     * @param <T> the result type
     * @return the result, may be null
     */
    public static <T> T await(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "awaitable");
        Task<?> task = requireTask("await");
        return switch (awaitable) {
            case Coroutine<T> c -> c.runInline();
            case FutureBase<T> f -> {
                @SuppressWarnings("unchecked")
                Task<Object> t = (Task<Object>) task;
                @SuppressWarnings("unchecked")
                FutureBase<Object> awaited = (FutureBase<Object>) f;
                @SuppressWarnings("unchecked")
                T result = (T) t.awaitFuture(awaited);
                yield result;
            }
        };
    }

    /**
     * Waits for a {@link CompletionStage} (a {@link CompletableFuture}, say) and returns its result, suspending the
     * current task until the stage completes; a stage already completed returns at once without suspending.
     *
     * <p>The stage's failure is rethrown unchanged, without the {@link java.util.concurrent.CompletionException} that
     * dependent stages wrap it in; a cancelled stage throws {@link CancelledException}, and cancelling the awaiting
     * task cancels a {@link CompletableFuture} it awaits. A stage completed on the loop's thread (by a stage that
     * runs on {@link EventLoop#executor()}, or by a task) wakes the task deterministically. One completed by another
     * thread reaches the loop through {@link EventLoop#callSoonThreadsafe}; a virtual-time loop does not wait for
     * other threads, so a run that has nothing else to do reports a deadlock instead of waiting for it.
     *
     * @param stage what to wait for, not null
     * @param <T> the result type
     * @return the result, may be null
     */
    public static <T> T await(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        Task<?> task = requireTask("await");
        if (stage instanceof CompletableFuture<T> cf && cf.isDone()) {
            return CompletionStages.outcomeNow(cf);
        }
        SimFuture<T> future = CompletionStages.toSimFuture(task.loop, stage, "awaited CompletionStage");
        try {
            return await(future);
        } catch (CancelledException e) {
            if (future.isCancelled() && stage instanceof CompletableFuture<T> cf) {
                cf.cancel(false);
            }
            throw e;
        }
    }

    /**
     * Runs the blocking {@code call} away from the loop's work and awaits its result (asyncio's {@code to_thread}):
     * the current task suspends until the call returns, and its exception is rethrown unchanged.
     *
     * <ul>
     *   <li>On a {@linkplain EventLoop.Builder#realTime() real-time} loop the call runs on a new virtual thread while
     *       the loop goes on; cancelling the awaiting task does not interrupt the call, its outcome is dropped.</li>
     *   <li>Under simulation it runs inline, on the loop's thread, as one step of its own: no virtual time passes,
     *       and the policy orders it among the other ready work. It must therefore not really block (the blocked-loop
     *       watchdog reports it): in a simulation, give the code a fake of the blocking dependency.</li>
     * </ul>
     *
     * @param call the blocking call, not null
     * @param <T> the result type
     * @return the call's result, may be null
     */
    public static <T> T toThread(Callable<T> call) {
        Objects.requireNonNull(call, "call");
        Task<?> task = requireTask("toThread");
        return ToThread.call(task.loop, call);
    }

    /**
     * Suspends the current task for {@code duration} of virtual time. Zero or negative is a bare suspension point,
     * as {@link #yieldNow()}.
     *
     * @param duration how long, not null
     */
    public static void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        Task<?> task = requireTask("sleep");
        long nanos = VirtualTimes.nanos(duration);
        if (nanos <= 0) {
            task.yieldNow();
        } else {
            task.sleep(nanos, duration);
        }
    }

    /**
     * A bare suspension point (asyncio's {@code sleep(0)}): the current task goes to the back of the ready queue and
     * resumes in the next iteration, after every callback that was ready before it.
     */
    public static void yieldNow() {
        requireTask("yieldNow").yieldNow();
    }

    /**
     * A bare suspension point before an access to {@code resource}, as {@link #yieldNow()}, which also tells the
     * policies what the task touches when it resumes: the partial-order sampling policy ({@link Policy#pos()})
     * reorders only steps on equal resources, the way the systematic testers use read/write information. Name
     * whatever two tasks share: a field's name ("balance"), or the shared object itself. Locks, queues, events,
     * conditions and semaphores name themselves when a task waits on them. The trace shows it: "suspended on a yield
     * before balance".
     *
     * @param resource what the task accesses next, compared with {@code equals}; not null
     */
    public static void yieldNow(Object resource) {
        Objects.requireNonNull(resource, "resource");
        requireTask("yieldNow").yieldBefore(resource);
    }

    /**
     * Wraps {@code coroutine} in a task on the current loop; see {@link EventLoop#createTask(Coroutine)}.
     *
     * @param coroutine the coroutine, not null, not started
     * @param <T> the result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        return currentLoop().createTask(coroutine);
    }

    /**
     * Wraps {@code coroutine} in a named task on the current loop; see {@link EventLoop#createTask(String, Coroutine)}.
     *
     * @param name the name, may be null
     * @param coroutine the coroutine, not null, not started
     * @param <T> the result type
     * @return the task
     */
    public static <T> Task<T> createTask(String name, Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        return currentLoop().createTask(name, coroutine);
    }

    // ---------------------------------------------------------------- combinators (asyncio's names)

    /**
     * A future that protects {@code awaitable} from cancellation (asyncio's {@code shield}): cancelling the returned
     * future, or the task that awaits it, does not cancel the inner one; a cancel of the inner one cancels the
     * returned future. A coroutine is wrapped in a task first. Unlike asyncio, which returns a done inner future as
     * it is, this always returns a new future (already holding the outcome if the inner one is done).
     *
     * @param awaitable what to protect, not null
     * @param <T> the result type
     * @return a future that mirrors the inner outcome
     */
    public static <T> SimFuture<T> shield(Awaitable<T> awaitable) {
        return Shield.shield(Objects.requireNonNull(awaitable, "awaitable"));
    }

    /**
     * Runs the awaitables concurrently and collects their results in argument order (asyncio's {@code gather}).
     * Coroutines become tasks; an awaitable given twice runs once and its result appears twice. The first failure
     * (or cancellation) of a child completes the returned future with it; the other children keep running. Cancelling
     * the returned future, or a task that awaits it, cancels every child not done, and the returned future then ends
     * cancelled (asyncio gives its gathering future a {@code CancelledError} as exception; an awaiter sees the same).
     * No awaitable gives a future already holding an empty list.
     *
     * @param awaitables what to run, not null, none null
     * @param <T> the common result type
     * @return a future of the results in argument order
     */
    @SafeVarargs
    public static <T> SimFuture<List<T>> gather(Awaitable<? extends T>... awaitables) {
        return gather(Arrays.asList(Objects.requireNonNull(awaitables, "awaitables")));
    }

    /**
     * {@link #gather(Awaitable[])} for a list.
     *
     * @param awaitables what to run, not null, none null
     * @param <T> the common result type
     * @return a future of the results in argument order
     */
    @SuppressWarnings("unchecked")
    public static <T> SimFuture<List<T>> gather(List<? extends Awaitable<? extends T>> awaitables) {
        Objects.requireNonNull(awaitables, "awaitables");
        return (SimFuture<List<T>>) (SimFuture<?>) Gather.gather(awaitables, false);
    }

    /**
     * {@code gather} with asyncio's {@code return_exceptions}: when true, a failed child's exception (a
     * {@link CancelledException} for a cancelled one) takes its place among the results and nothing propagates.
     *
     * @param returnExceptions whether exceptions come back in place
     * @param awaitables what to run, not null, none null
     * @return a future of the results (or exceptions) in argument order
     */
    public static SimFuture<List<Object>> gather(boolean returnExceptions, List<? extends Awaitable<?>> awaitables) {
        Objects.requireNonNull(awaitables, "awaitables");
        return Gather.gather(awaitables, returnExceptions);
    }

    /**
     * Waits until {@code when} holds for the given tasks and futures, or until {@code timeout} passes (asyncio's
     * {@code wait}); it never throws on timeout and never cancels anything. It suspends at least once, even if all
     * are done. Because every class inherits {@code Object.wait}, a static import cannot reach this method: call it
     * as {@code Sim.wait(...)}.
     *
     * @param awaitables tasks and futures (no coroutines), not null, not empty
     * @param when when to return, not null
     * @param timeout the longest wait in virtual time, may be null for none
     * @param <A> the type of the awaitables
     * @return the done and pending ones, each in argument order
     * @throws IllegalArgumentException if the collection is empty or holds a coroutine
     */
    public static <A extends Awaitable<?>> DoneAndPending<A> wait(Collection<A> awaitables, ReturnWhen when,
            Duration timeout) {
        return Wait.await(awaitables, when, timeout);
    }

    /**
     * A {@link Timeout} scope whose deadline is {@code delay} of virtual time from now (asyncio's
     * {@code timeout(delay)}); run the body with {@link Timeout#call} or {@link Timeout#run}.
     *
     * @param delay how long, may be null for no deadline (then {@link Timeout#reschedule} can set one later)
     * @return a scope not yet entered
     */
    public static Timeout timeout(Duration delay) {
        return Timeout.after(delay);
    }

    /**
     * A {@link Timeout} scope whose deadline is the instant {@code when} (asyncio's {@code timeout_at(when)}), e.g.
     * {@code timeoutAt(currentLoop().now().plus(Duration.ofSeconds(5)))}.
     *
     * @param when the deadline, may be null for no deadline
     * @return a scope not yet entered
     */
    public static Timeout timeoutAt(LoopInstant when) {
        return Timeout.at(when);
    }

    /**
     * Awaits {@code awaitable} with a virtual-time timeout, in the current task (asyncio 3.12+'s {@code wait_for},
     * built on {@link Timeout}). On timeout the awaited work is cancelled (a coroutine, running inline, gets the
     * cancellation) and {@link SimTimeoutException} is thrown. A zero or negative timeout cancels a pending task or
     * future at once and waits for it to finish; a done one gives its result.
     *
     * @param awaitable what to await, not null
     * @param timeout the longest wait in virtual time, may be null for none
     * @param <T> the result type
     * @return the result
     * @throws SimTimeoutException if the timeout passed first
     */
    public static <T> T waitFor(Awaitable<T> awaitable, Duration timeout) {
        return WaitFor.waitFor(Objects.requireNonNull(awaitable, "awaitable"), timeout);
    }

    /**
     * The results of the awaitables in completion order; see {@link AsCompleted} (asyncio's {@code as_completed}).
     *
     * @param awaitables what to wait for, not null, none null; coroutines become tasks at once
     * @param timeout after this much virtual time, each remaining {@code next()} throws {@link SimTimeoutException};
     *     may be null for none
     * @param <T> the common result type
     * @return the iterator
     */
    public static <T> AsCompleted<T> asCompleted(List<? extends Awaitable<? extends T>> awaitables,
            Duration timeout) {
        return new AsCompleted<>(Objects.requireNonNull(awaitables, "awaitables"), timeout);
    }

    /**
     * A fault point of the current loop: whether to take the faulty path here; see {@link EventLoop#buggify(String)}.
     *
     * @param name the fault point's name, not null
     * @return true when the point fires (never under {@link Policy#FIFO})
     */
    public static boolean buggify(String name) {
        Objects.requireNonNull(name, "name");
        return currentLoop().buggify(name);
    }

    /**
     * Records a user mark in the current loop's trace; see {@link EventLoop#mark(String)}.
     *
     * @param label what happened, not null
     */
    public static void mark(String label) {
        Objects.requireNonNull(label, "label");
        currentLoop().mark(label);
    }

    /** The task whose body is running; throws {@link IllegalStateException} outside one. */
    public static Task<?> currentTask() {
        return requireTask("currentTask");
    }

    /** The loop running the calling code (a coroutine or a callback); throws {@link IllegalStateException} outside. */
    public static EventLoop currentLoop() {
        EventLoop loop = EventLoop.current();
        if (loop == null) {
            throw new IllegalStateException("currentLoop() was called outside a running event loop: no loop is "
                    + "running on thread '" + Thread.currentThread().getName() + "'.");
        }
        loop.checkThread();
        return loop;
    }

    private static Task<?> requireTask(String what) {
        Task<?> task = EventLoop.currentTask();
        if (task == null) {
            throw new IllegalStateException(what + "() was called outside a coroutine: it can only suspend code that "
                    + "runs as the body of a task or of a coroutine a task awaits. In a JUnit test, use @SimTest instead "
                    + "of @Test (its body runs as a coroutine); elsewhere, wrap the code in Coroutine.of(...) and run "
                    + "it with EventLoop.run(...), loop.runUntilComplete(...) or createTask(...).");
        }
        return task;
    }
}

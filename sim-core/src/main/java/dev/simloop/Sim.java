package dev.simloop;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * What a coroutine body calls: {@code await}, {@code sleep}, {@code yieldNow}, {@code createTask}. Meant for
 * {@code import static dev.simloop.Sim.*}.
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
        Task<?> task = requireTask("await");
        Objects.requireNonNull(awaitable, "awaitable");
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
        Task<?> task = requireTask("await");
        Objects.requireNonNull(stage, "stage");
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
     * Suspends the current task for {@code duration} of virtual time. Zero or negative is a bare suspension point,
     * as {@link #yieldNow()}.
     *
     * @param duration how long, not null
     */
    public static void sleep(Duration duration) {
        Task<?> task = requireTask("sleep");
        Objects.requireNonNull(duration, "duration");
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
     * Wraps {@code coroutine} in a task on the current loop; see {@link EventLoop#createTask(Coroutine)}.
     *
     * @param coroutine the coroutine, not null, not started
     * @param <T> the result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
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
        return currentLoop().createTask(name, coroutine);
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
                    + "runs as the body of a task or of a coroutine a task awaits. Wrap the code in Coroutine.of(...) "
                    + "and run it with EventLoop.run(...), loop.runUntilComplete(...) or createTask(...).");
        }
        return task;
    }
}

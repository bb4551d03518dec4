package dev.simloop;

import dev.simloop.internal.Sneaky;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Structured concurrency (asyncio's {@code TaskGroup}, CPython 3.13): the scope ends only when every task created in
 * it is done, and the first failure cancels the rest.
 *
 * <pre>{@code
 * TaskGroup.run(group -> {
 *     group.createTask(fetch("a"));
 *     group.createTask(fetch("b"));
 * });                                          // both are done here
 * }</pre>
 *
 * <p><b>Why a lambda.</b> Leaving the scope must see how the body ended: a body failure cancels the children and
 * joins the reported failures, and the cancellation the group itself caused must not leave the scope. Java's
 * {@code close()} cannot see or replace the body's exception (docs/decisions.md, "Scopes in Java"), so the scope is
 * {@link #run} / {@link #call} with the body as a lambda, like Kotlin's {@code coroutineScope { }}.
 *
 * <p>Outcomes: the first child that fails (a cancelled child is not a failure) cancels every other child not done
 * and the body's task, once. Leaving the scope waits for every child, then throws one {@link TaskGroupException}
 * with every failure in arrival order (children by the order they finished, the body's own failure last); the
 * cancellation the group caused is swallowed. A cancel of the body from outside cancels the children too and leaves
 * as a {@link CancelledException} when there is no failure. Children are cancelled in creation order (CPython
 * iterates a set there; simloop fixes creation order). Use it in one task, on the loop's thread.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TaskGroup {

    /** A group body with a result. */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface Body<T> {
        /**
         * Runs inside the group.
         *
         * @param group the group, to create tasks in
         * @return the result, may be null
         * @throws Exception any failure; it ends up in the {@link TaskGroupException}
         */
        T call(TaskGroup group) throws Exception;
    }

    /** A group body without a result. */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public interface VoidBody {
        /**
         * Runs inside the group.
         *
         * @param group the group, to create tasks in
         * @throws Exception any failure; it ends up in the {@link TaskGroupException}
         */
        void run(TaskGroup group) throws Exception;
    }

    private final Task<?> parent;
    /** Children not yet done, in creation order. */
    private final LinkedHashSet<Task<?>> tasks = new LinkedHashSet<>();
    /** Failures in arrival order. */
    private final List<Throwable> errors = new ArrayList<>();
    private boolean exiting;
    private boolean aborting;
    /** Whether the group cancelled its parent task: that request is taken back on exit. */
    private boolean parentCancelRequested;
    private SimFuture<Void> onCompleted;

    private TaskGroup(Task<?> parent) {
        this.parent = parent;
    }

    /**
     * Runs {@code body} as the scope of a new group in the current task and waits for all its children.
     *
     * @param body the scope's code, not null
     * @throws TaskGroupException if a child or the body failed
     */
    public static void run(VoidBody body) {
        Objects.requireNonNull(body, "body");
        call(group -> {
            body.run(group);
            return null;
        });
    }

    /**
     * Like {@link #run}, returning the body's result once every child is done.
     *
     * @param body the scope's code, not null
     * @param <T> the result type
     * @return the body's result
     * @throws TaskGroupException if a child or the body failed
     */
    public static <T> T call(Body<T> body) {
        Objects.requireNonNull(body, "body");
        TaskGroup group = new TaskGroup(Sim.currentTask());
        T result;
        try {
            result = body.call(group);
        } catch (Task.Unwind closing) {
            throw closing; // the loop is closing: the group cannot wait for its children any more
        } catch (Throwable t) {
            Throwable out = group.exit(t);
            if (out != null) {
                throw Sneaky.rethrow(out);
            }
            return null;
        }
        Throwable out = group.exit(null);
        if (out != null) {
            throw Sneaky.rethrow(out);
        }
        return result;
    }

    /**
     * Creates a task in this group; see {@link EventLoop#createTask(Coroutine)}.
     *
     * @param coroutine the coroutine, not null, not started
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if the group is shutting down (a child failed) or finished
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(null, coroutine);
    }

    /**
     * Creates a named task in this group.
     *
     * @param name the name, may be null
     * @param coroutine the coroutine, not null, not started
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if the group is shutting down (a child failed) or finished; the coroutine is
     *     then closed (marked started, so it is not reported as never awaited), as asyncio closes it
     */
    public <T> Task<T> createTask(String name, Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        if (exiting && tasks.isEmpty() || aborting) {
            coroutine.start(); // closed, as asyncio closes a refused coroutine: it will never run
        }
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException("TaskGroup is finished: createTask was called after the group's scope "
                    + "ended. Create tasks inside TaskGroup.run(...), or in a new group.");
        }
        if (aborting) {
            throw new IllegalStateException("TaskGroup is shutting down: a task failed or the group was cancelled, "
                    + "so it takes no new tasks. Handle the TaskGroupException and start a new group.");
        }
        Task<T> task = parent.loop.createTask(name, coroutine);
        tasks.add(task);
        task.addDoneCallback(this::onTaskDone);
        return task;
    }

    private void onTaskDone(Task<?> task) {
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty()) {
            Futures.releaseWaiter(onCompleted);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable e = task.exception();
        if (e == null) {
            return;
        }
        errors.add(e);
        if (!aborting && !parentCancelRequested && !parent.isDone()) {
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : List.copyOf(tasks)) {
            if (!t.isDone()) {
                t.cancel();
            }
        }
    }

    /** asyncio's {@code __aexit__}: waits for the children; returns what leaves the scope, or null for nothing. */
    private Throwable exit(Throwable body) {
        exiting = true;
        CancelledException propagate = body instanceof CancelledException c ? c : null;
        if (body != null && !aborting) {
            abort();
        }
        while (!tasks.isEmpty()) {
            if (onCompleted == null) {
                onCompleted = parent.loop.createFuture("TaskGroup exit");
            }
            try {
                Sim.await(onCompleted);
            } catch (CancelledException e) {
                if (!aborting) {
                    propagate = e; // the parent is cancelled from outside while the children run
                    abort();
                }
            }
            onCompleted = null;
        }
        if (parentCancelRequested && parent.uncancel() == 0) {
            propagate = null; // the only cancel request was the group's own
        }
        if (propagate != null && errors.isEmpty()) {
            return propagate;
        }
        if (body != null && !(body instanceof CancelledException)) {
            errors.add(body);
        }
        if (errors.isEmpty()) {
            return null;
        }
        if (parent.cancelling() > 0) {
            parent.uncancel(); // keep an outside cancel pending, as asyncio re-cancels here
            parent.cancel();
        }
        return new TaskGroupException(errors);
    }
}

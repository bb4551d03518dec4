package dev.simloop;

import org.apiguardian.api.API;

/**
 * Makes the tasks of a loop's {@code createTask} (asyncio's task factory, set with {@link
 * EventLoop#setTaskFactory}).
 *
 * <p>A factory returns a task of the loop it is given, made with {@link Task#create}; it may choose the name or
 * whether the task starts eagerly, and do its own bookkeeping. It runs on the loop's thread, inside
 * {@code createTask}. A generic method, so a factory is a class (or the {@link #EAGER} constant), not a lambda:
 *
 * <pre>{@code
 * loop.setTaskFactory(new TaskFactory() {
 *     public <T> Task<T> create(EventLoop loop, String name, Coroutine<T> coroutine, boolean eagerStart) {
 *         created.add(name);
 *         return Task.create(loop, name, coroutine, eagerStart);
 *     }
 * });
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface TaskFactory {

    /**
     * Every task starts eagerly when the loop is running (asyncio's {@code eager_task_factory}): see {@link
     * EventLoop#createTask(String, Coroutine, boolean)}.
     */
    TaskFactory EAGER = new TaskFactory() {
        @Override
        public <T> Task<T> create(EventLoop loop, String name, Coroutine<T> coroutine, boolean eagerStart) {
            return Task.create(loop, name, coroutine, true);
        }

        @Override
        public String toString() {
            return "TaskFactory.EAGER";
        }
    };

    /**
     * Makes the task for a {@code createTask} call.
     *
     * @param loop the loop, not null
     * @param name the name asked for, may be null
     * @param coroutine the coroutine, not null, not started
     * @param eagerStart whether the caller asked for an eager start
     * @param <T> the result type
     * @return a task of {@code loop}, not null
     */
    <T> Task<T> create(EventLoop loop, String name, Coroutine<T> coroutine, boolean eagerStart);
}

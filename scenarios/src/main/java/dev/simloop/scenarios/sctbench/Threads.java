package dev.simloop.scenarios.sctbench;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;

import dev.simloop.Coroutine;
import dev.simloop.ReturnWhen;
import dev.simloop.Sim;
import dev.simloop.SimFuture;
import dev.simloop.Task;
import java.util.List;

/**
 * The threads of one run of a ported program: {@code pthread_create} is {@link #create}, a task made with
 * {@code createTask(Coroutine.ofVoid(name, ...))}, and {@code pthread_join} is {@link #join}, an await of the task.
 *
 * <p>A failed {@code assert} in C aborts the whole process at once, whatever the other threads are doing. A task
 * that fails only ends itself: a thread that fails its assertion while holding a mutex would leave the others
 * blocked on it, and {@code main}, joining one of them, would end in a deadlock that hides the assertion. So a
 * thread's {@link AssertionError} is caught here and handed to every {@link #join}, pending or to come: {@code main}
 * rethrows the first one at its current or next join, and the run fails with it as the C program does. Anything else
 * a thread throws fails its task and reaches {@code main} through the join as usual.
 */
final class Threads {
    /** Completed with the first assertion failure of a thread. */
    private final SimFuture<Void> abort = Sim.currentLoop().createFuture("abort");

    /** The threads of a run; made in its main coroutine. */
    Threads() {}

    /**
     * {@code pthread_create}: a task named {@code name} that runs {@code body}; it starts at the loop's next turn.
     *
     * @param name the thread's name (its start routine in the C source)
     * @param body the start routine
     * @return the task
     */
    Task<Void> create(String name, Coroutine.VoidBody body) {
        return createTask(Coroutine.ofVoid(name, () -> {
            try {
                body.run();
            } catch (AssertionError e) {
                if (!abort.isDone()) {
                    abort.setException(e); // abort(): the first failed assertion ends the program
                }
            }
        }));
    }

    /**
     * {@code pthread_join}: waits until {@code thread} ends or a thread fails an assertion, and rethrows that
     * assertion's {@link AssertionError} (or the thread's own exception).
     *
     * @param thread a task from {@link #create}
     */
    void join(Task<Void> thread) {
        if (!thread.isDone() && !abort.isDone()) {
            Sim.wait(List.of(thread, abort), ReturnWhen.FIRST_COMPLETED, null);
        }
        if (abort.isDone()) {
            await(abort);
        }
        await(thread);
    }
}

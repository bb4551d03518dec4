package dev.simloop.scenarios.sctbench;


import dev.simloop.Sim;
import dev.simloop.SimFuture;
import java.util.ArrayDeque;

/**
 * A {@code pthread_cond_t} of a ported C program, used with one {@link Mutex}. {@link #await()} releases the mutex and
 * waits for a signal, then takes the mutex back; {@link #signal()} wakes the longest waiter, with or without the
 * mutex held, as {@code pthread_cond_signal} may. Each comes after a scheduling point named after the condition
 * variable. A waiter joins the queue before it releases the mutex, so no signal between the two is lost.
 */
final class CondVar {
    private final String name;
    private final Mutex mutex;
    private final ArrayDeque<SimFuture<Void>> waiters = new ArrayDeque<>();

    /**
     * A condition variable waited on with {@code mutex} held.
     *
     * @param name the condition variable's name in the C source
     * @param mutex the mutex passed to {@code pthread_cond_wait}
     */
    CondVar(String name, Mutex mutex) {
        this.name = name;
        this.mutex = mutex;
    }

    /**
     * {@code pthread_cond_wait}: a scheduling point, then releases the mutex, waits to be signalled and takes the
     * mutex back. Wait in a loop that re-checks the predicate, as in C.
     */
    void await() {
        Shared.access(name);
        SimFuture<Void> signalled = Sim.currentLoop().createFuture();
        waiters.add(signalled);
        mutex.unlock();
        Sim.await(signalled);
        mutex.lock();
    }

    /** {@code pthread_cond_signal}: a scheduling point, then wakes the longest waiter, if any. */
    void signal() {
        Shared.access(name);
        SimFuture<Void> first = waiters.poll();
        if (first != null) {
            first.setResult(null);
        }
    }
}

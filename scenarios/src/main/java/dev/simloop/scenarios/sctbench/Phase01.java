package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code phase01_bad} (concurrent-software-benchmarks/phase01_bad.c): two threads run the same routine,
 * which locks and unlocks {@code x}, locks {@code x} again and never unlocks it (the unlock is commented out in the
 * C source), then locks and unlocks {@code y} twice. There is no assertion: the bug is a deadlock.
 *
 * <p>The bug: the first thread to end still holds {@code x}, so the other waits for it forever, in every order; the
 * run fails with simloop's {@link dev.simloop.DeadlockException}.
 */
final class Phase01 {
    private Phase01() {}

    /** The globals of one run. */
    private static final class State {
        final Mutex x = new Mutex("x");
        final Mutex y = new Mutex("y");
    }

    /**
     * The main coroutine of a run, with fresh globals.
     *
     * @return the coroutine
     */
    static Coroutine<Void> program() {
        return Coroutine.ofVoid("main", () -> {
            State s = new State();
            Threads threads = new Threads();
            Task<Void> t1 = threads.create("thread1 #1", () -> thread1(s));
            Task<Void> t2 = threads.create("thread1 #2", () -> thread1(s));
            threads.join(t1);
            threads.join(t2);
        });
    }

    private static void thread1(State s) {
        s.x.lock();
        s.x.unlock();
        s.x.lock();
        // pthread_mutex_unlock(&x) is commented out in the C source

        s.y.lock();
        s.y.unlock();
        s.y.lock();
        s.y.unlock();
    }
}

package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code lazy01_bad} (concurrent-software-benchmarks/lazy01_bad.c): three threads under one mutex;
 * {@code thread1} adds 1 to {@code data}, {@code thread2} adds 2, and {@code thread3} asserts that {@code data} is
 * below 3.
 *
 * <p>The bug: the assertion holds only if {@code thread3} takes the mutex before one of the others; when it comes
 * last, {@code data == 3}. The fair mutex serves the threads in creation order in round-robin order, so
 * {@code thread3} comes last and fails.
 */
final class Lazy01 {
    private Lazy01() {}

    /** The globals of one run. */
    private static final class State {
        final Mutex mutex = new Mutex("mutex");
        final SharedInt data = new SharedInt("data", 0);
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
            Task<Void> t1 = threads.create("thread1", () -> {
                s.mutex.lock();
                s.data.set(s.data.get() + 1);
                s.mutex.unlock();
            });
            Task<Void> t2 = threads.create("thread2", () -> {
                s.mutex.lock();
                s.data.set(s.data.get() + 2);
                s.mutex.unlock();
            });
            Task<Void> t3 = threads.create("thread3", () -> {
                s.mutex.lock();
                int data = s.data.get();
                if (data >= 3) {
                    throw new AssertionError("lazy01: thread3 found data = " + data + ", expected less than 3");
                }
                s.mutex.unlock();
            });
            threads.join(t1);
            threads.join(t2);
            threads.join(t3);
        });
    }
}

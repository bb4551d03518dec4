package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code deadlock01_bad} (concurrent-software-benchmarks/deadlock01_bad.c): {@code thread1} takes the
 * mutexes {@code a} then {@code b} to increment {@code counter}, {@code thread2} takes {@code b} then {@code a} to
 * decrement it. There is no assertion: the bug is a deadlock.
 *
 * <p>The bug: lock-order inversion. When each thread holds its first mutex and waits for its second, neither can go
 * on; the run then fails with simloop's {@link dev.simloop.DeadlockException}. Round-robin order lets each take its
 * first mutex before either asks for its second, so it deadlocks.
 */
final class Deadlock01 {
    private Deadlock01() {}

    /** The globals of one run. */
    private static final class State {
        final Mutex a = new Mutex("a");
        final Mutex b = new Mutex("b");
        final SharedInt counter = new SharedInt("counter", 1);
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
                s.a.lock();
                s.b.lock();
                s.counter.set(s.counter.get() + 1);
                s.b.unlock();
                s.a.unlock();
            });
            Task<Void> t2 = threads.create("thread2", () -> {
                s.b.lock();
                s.a.lock();
                s.counter.set(s.counter.get() - 1);
                s.a.unlock();
                s.b.unlock();
            });
            threads.join(t1);
            threads.join(t2);
        });
    }
}

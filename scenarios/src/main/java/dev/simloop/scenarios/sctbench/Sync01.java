package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code sync01_bad} (concurrent-software-benchmarks/sync01_bad.c): a producer ({@code thread1}) and a
 * consumer ({@code thread2}) of a one-slot counter {@code num}, which starts full ({@code num = 1}), under the mutex
 * {@code m} with the condition variables {@code empty} and {@code full}. The consumer's {@code num--} is commented
 * out in the C source. There is no assertion: the bug is a deadlock.
 *
 * <p>The bug: nobody ever empties the slot, so the producer waits on {@code empty} for ever (the consumer's signal
 * only makes it re-check {@code num > 0}), in every order; the run fails with simloop's
 * {@link dev.simloop.DeadlockException}.

 */
final class Sync01 {
    private Sync01() {}

    /** The globals of one run. */
    private static final class State {
        final SharedInt num = new SharedInt("num", 0);
        final Mutex m = new Mutex("m");
        final CondVar empty = new CondVar("empty", m);
        final CondVar full = new CondVar("full", m);
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
            s.num.set(1);
            Task<Void> t1 = threads.create("thread1", () -> {
                s.m.lock();
                while (s.num.get() > 0) {
                    s.empty.await();
                }
                s.num.set(s.num.get() + 1);
                s.m.unlock();
                s.full.signal();
            });
            Task<Void> t2 = threads.create("thread2", () -> {
                s.m.lock();
                while (s.num.get() == 0) {
                    s.full.await();
                }
                // num-- is commented out in the C source
                s.m.unlock();
                s.empty.signal();
            });
            threads.join(t1);
            threads.join(t2);
        });
    }
}

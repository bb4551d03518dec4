package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code sync02_bad} (concurrent-software-benchmarks/sync02_bad.c): a producer and a consumer each make
 * {@code N = 2} hand-overs through a counter {@code num} under the mutex {@code m} with the condition variables
 * {@code empty} and {@code full}; the producer waits while {@code num > 0}, the consumer while {@code num == 0}. There
 * is no assertion: the bug is a deadlock.
 *
 * <p>The bug: {@code num} starts at 2, not 0. The consumer takes the two items already there and ends; the producer
 * produces one and then waits on {@code empty} for ever, in every order; the run fails with simloop's
 * {@link dev.simloop.DeadlockException}.

 */
final class Sync02 {
    private Sync02() {}

    private static final int N = 2;

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
            s.num.set(2);
            Task<Void> id1 = threads.create("producer", () -> producer(s));
            Task<Void> id2 = threads.create("consumer", () -> consumer(s));
            threads.join(id1);
            threads.join(id2);
        });
    }

    private static void producer(State s) {
        int i = 0;
        while (i < N) {
            s.m.lock();
            while (s.num.get() > 0) {
                s.empty.await();
            }
            s.num.set(s.num.get() + 1); // produce
            s.m.unlock();
            s.full.signal();
            i++;
        }
    }

    private static void consumer(State s) {
        int j = 0;
        while (j < N) {
            s.m.lock();
            while (s.num.get() == 0) {
                s.full.await();
            }
            s.num.set(s.num.get() - 1); // consume
            s.m.unlock();
            s.empty.signal();
            j++;
        }
    }
}

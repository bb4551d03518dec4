package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code arithmetic_prog_bad} (concurrent-software-benchmarks/arithmetic_prog_bad.c): a producer
 * ({@code thread1}) and a consumer ({@code thread2}) hand {@code N = 3} items over a one-slot counter {@code num}
 * under the mutex {@code m} with the condition variables {@code empty} and {@code full}; the consumer adds its
 * iteration numbers {@code 0, 1, 2} and then the final count {@code 3} to {@code total} and sets {@code flag}.
 * {@code main} joins both and asserts {@code total != N * (N + 1) / 2}.
 *
 * <p>The bug: the assertion is wrong; every run that ends has {@code total == 0 + 1 + 2 + 3 == 6} and
 * {@code flag} set, so it fails in every order, round-robin included.
 *
 * <p>Deviations: C's {@code printf}s are left out, and the {@code unsigned long}
 * {@code total} is an {@code int}.
 */
final class ArithmeticProg {
    private ArithmeticProg() {}

    private static final int N = 3;

    /** The globals of one run. */
    private static final class State {
        final SharedInt num = new SharedInt("num", 0);
        final SharedInt total = new SharedInt("total", 0);
        final SharedBool flag = new SharedBool("flag", false);
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
            s.num.set(0);
            s.total.set(0);
            Task<Void> t1 = threads.create("thread1", () -> thread1(s));
            Task<Void> t2 = threads.create("thread2", () -> thread2(s));
            threads.join(t1);
            threads.join(t2);
            if (s.flag.get()) {
                int total = s.total.get();
                if (total == (N * (N + 1)) / 2) {
                    throw new AssertionError("arithmetic_prog: total is " + total + " = N * (N + 1) / 2");
                }
            }
        });
    }

    private static void thread1(State s) {
        int i = 0;
        while (i < N) {
            s.m.lock();
            while (s.num.get() > 0) {
                s.empty.await();
            }
            s.num.set(s.num.get() + 1);
            s.m.unlock();
            s.full.signal();
            i++;
        }
    }

    private static void thread2(State s) {
        int j = 0;
        while (j < N) {
            s.m.lock();
            while (s.num.get() == 0) {
                s.full.await();
            }
            s.total.set(s.total.get() + j);
            s.num.set(s.num.get() - 1);
            s.m.unlock();
            s.empty.signal();
            j++;
        }
        s.total.set(s.total.get() + j);
        s.flag.set(true);
    }
}

package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * SCTBench's {@code reorder_N_bad} (concurrent-software-benchmarks/reorder_3_bad.c, reorder_4_bad.c,
 * reorder_5_bad.c, reorder_10_bad.c, reorder_20_bad.c; all preprocessed copies of one {@code reorder_bad.c} that
 * differ only in the defaults of {@code iSet} and {@code iCheck}): {@code iSet} threads each write {@code a = 1}
 * then {@code b = -1}, and {@code iCheck} threads check that they see both writes or neither, without any lock.
 * reorder_N has {@code iSet = N - 1} and {@code iCheck = 1}, except reorder_20, which has 10 and 10.
 *
 * <p>The bug: the two writes are not atomic together. A checker that reads {@code a} after some setter's
 * {@code a = 1} and {@code b} before any setter's {@code b = -1} sees {@code a == 1, b == 0}. In round-robin order
 * every setter writes {@code a} in one round and {@code b} in the next, while the checker's second read of
 * {@code a} and its read of {@code b} come one round later each, so it sees {@code b == -1} and passes.
 *
 * <p>Deviation: the command-line arguments that could override the counts are left out (the benchmark runs with
 * none).
 */
final class Reorder {
    private Reorder() {}

    /** The globals of one run. */
    private static final class State {
        final SharedInt a = new SharedInt("a", 0);
        final SharedInt b = new SharedInt("b", 0);
    }

    /**
     * The main coroutine of a run, with fresh globals.
     *
     * @param name the benchmark's name ("reorder_3"), which starts the assertion's message
     * @param setters {@code iSet}, the number of set threads
     * @param checkers {@code iCheck}, the number of check threads
     * @return the coroutine
     */
    static Coroutine<Void> program(String name, int setters, int checkers) {
        return Coroutine.ofVoid("main", () -> {
            State s = new State();
            Threads threads = new Threads();
            List<Task<Void>> setPool = new ArrayList<>();
            List<Task<Void>> checkPool = new ArrayList<>();
            for (int i = 0; i < setters; i++) {
                setPool.add(threads.create("setThread " + i, () -> setThread(s)));
            }
            for (int i = 0; i < checkers; i++) {
                checkPool.add(threads.create("checkThread " + i, () -> checkThread(s, name)));
            }
            for (Task<Void> t : setPool) {
                threads.join(t);
            }
            for (Task<Void> t : checkPool) {
                threads.join(t);
            }
        });
    }

    private static void setThread(State s) {
        s.a.set(1);
        s.b.set(-1);
    }

    private static void checkThread(State s, String name) {
        // Reads as C's short-circuit evaluation does: a, then b only if a == 0, then a again and b only if a == 1.
        int a1 = s.a.get();
        int b1 = a1 == 0 ? s.b.get() : Integer.MIN_VALUE;
        if (a1 == 0 && b1 == 0) {
            return;
        }
        int a2 = s.a.get();
        int b2 = a2 == 1 ? s.b.get() : Integer.MIN_VALUE;
        if (a2 == 1 && b2 == -1) {
            return;
        }
        throw new AssertionError(name + ": a checker read a = " + a1 + (a1 == 0 ? ", b = " + b1 : "")
                + ", then a = " + a2 + (a2 == 1 ? ", b = " + b2 : "")
                + ": neither both writes of a setter (a == 1, b == -1) nor none (a == 0, b == 0)");
    }
}

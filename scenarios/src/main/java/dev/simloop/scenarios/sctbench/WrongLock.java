package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * SCTBench's {@code wronglock_bad} and {@code wronglock_3_bad} (concurrent-software-benchmarks/wronglock_bad.c and
 * wronglock_3_bad.c, the same program with {@code iNum1 = 1, iNum2 = 7} and {@code iNum1 = 1, iNum2 = 3}):
 * {@code funcA} threads increment {@code dataValue} under {@code dataLock} and assert that nobody else changed it
 * meanwhile; {@code funcB} threads increment it under a different mutex, {@code thisLock}.
 *
 * <p>The bug: the two kinds of thread guard the same variable with different locks, so a {@code funcB} increment
 * between {@code funcA}'s read {@code x = dataValue} and its check {@code dataValue != x + 1} fails the check. In
 * round-robin order {@code funcA} and the first {@code funcB} increment in lockstep: each reads 0, {@code funcB}
 * writes 1, {@code funcA} overwrites it with 1 (a lost update, which nothing checks), and {@code funcA}'s check sees
 * {@code x + 1}; the other {@code funcB}s queue on {@code thisLock} behind it, so it passes.
 *
 * <p>Deviation: the command-line arguments that could override the counts are left out (the benchmark runs with
 * none).
 */
final class WrongLock {
    private WrongLock() {}

    /** The globals of one run. */
    private static final class State {
        final SharedInt dataValue = new SharedInt("dataValue", 0);
        final Mutex dataLock = new Mutex("dataLock");
        final Mutex thisLock = new Mutex("thisLock");
    }

    /**
     * The main coroutine of a run, with fresh globals.
     *
     * @param name the benchmark's name ("wronglock"), which starts the assertion's message
     * @param num1 {@code iNum1}, the number of {@code funcA} threads
     * @param num2 {@code iNum2}, the number of {@code funcB} threads
     * @return the coroutine
     */
    static Coroutine<Void> program(String name, int num1, int num2) {
        return Coroutine.ofVoid("main", () -> {
            State s = new State();
            Threads threads = new Threads();
            List<Task<Void>> num1Pool = new ArrayList<>();
            List<Task<Void>> num2Pool = new ArrayList<>();
            for (int i = 0; i < num1; i++) {
                num1Pool.add(threads.create("funcA " + i, () -> funcA(s, name)));
            }
            for (int i = 0; i < num2; i++) {
                num2Pool.add(threads.create("funcB " + i, () -> funcB(s)));
            }
            for (Task<Void> t : num1Pool) {
                threads.join(t);
            }
            for (Task<Void> t : num2Pool) {
                threads.join(t);
            }
        });
    }

    private static void funcA(State s, String name) {
        s.dataLock.lock();
        int x = s.dataValue.get();
        s.dataValue.set(s.dataValue.get() + 1); // dataValue++
        int now = s.dataValue.get();
        if (now != x + 1) {
            throw new AssertionError(name + ": funcA read dataValue = " + x + ", incremented it and then read "
                    + now + ", expected " + (x + 1));
        }
        s.dataLock.unlock();
    }

    private static void funcB(State s) {
        s.thisLock.lock();
        s.dataValue.set(s.dataValue.get() + 1); // dataValue++
        s.thisLock.unlock();
    }
}

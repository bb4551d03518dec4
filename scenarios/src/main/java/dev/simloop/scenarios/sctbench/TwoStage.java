package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * SCTBench's {@code twostage_bad} and {@code twostage_100_bad} (concurrent-software-benchmarks/twostage_bad.c and
 * twostage_100_bad.c, the same program with {@code iTThreads = 1, iRThreads = 1} and {@code iTThreads = 99,
 * iRThreads = 1}): writer threads ({@code funcA}) set {@code data1Value = 1} under {@code data1Lock}, then, in a
 * second critical section under {@code data2Lock}, {@code data2Value = data1Value + 1}; reader threads
 * ({@code funcB}) read {@code data1Value} under {@code data1Lock} and, if it is set, {@code data2Value} under
 * {@code data2Lock}, and assert that the second is the first plus one.
 *
 * <p>The bug: the two stages are not one atomic step. A reader that runs between a writer's first and second
 * critical section (before any writer's second) reads {@code data1Value == 1} and {@code data2Value == 0}. In
 * round-robin order the reader, created last, queues behind the writers for {@code data1Lock} and stays behind them,
 * so it reads {@code data2Value} after a writer wrote it, and it passes.
 *
 * <p>Deviation: the command-line arguments that could override the counts are left out (the benchmark runs with
 * none).
 */
final class TwoStage {
    private TwoStage() {}

    /** The globals of one run. */
    private static final class State {
        final SharedInt data1Value = new SharedInt("data1Value", 0);
        final SharedInt data2Value = new SharedInt("data2Value", 0);
        final Mutex data1Lock = new Mutex("data1Lock");
        final Mutex data2Lock = new Mutex("data2Lock");
    }

    /**
     * The main coroutine of a run, with fresh globals.
     *
     * @param name the benchmark's name ("twostage"), which starts the assertion's message
     * @param writers {@code iTThreads}, the number of {@code funcA} threads
     * @param readers {@code iRThreads}, the number of {@code funcB} threads
     * @return the coroutine
     */
    static Coroutine<Void> program(String name, int writers, int readers) {
        return Coroutine.ofVoid("main", () -> {
            State s = new State();
            Threads threads = new Threads();
            List<Task<Void>> tPool = new ArrayList<>();
            List<Task<Void>> rPool = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                tPool.add(threads.create("funcA " + i, () -> funcA(s)));
            }
            for (int i = 0; i < readers; i++) {
                rPool.add(threads.create("funcB " + i, () -> funcB(s, name)));
            }
            for (Task<Void> t : tPool) {
                threads.join(t);
            }
            for (Task<Void> t : rPool) {
                threads.join(t);
            }
        });
    }

    private static void funcA(State s) {
        s.data1Lock.lock();
        s.data1Value.set(1);
        s.data1Lock.unlock();

        s.data2Lock.lock();
        s.data2Value.set(s.data1Value.get() + 1);
        s.data2Lock.unlock();
    }

    private static void funcB(State s, String name) {
        s.data1Lock.lock();
        if (s.data1Value.get() == 0) {
            s.data1Lock.unlock();
            return;
        }
        int t1 = s.data1Value.get();
        s.data1Lock.unlock();

        s.data2Lock.lock();
        int t2 = s.data2Value.get();
        s.data2Lock.unlock();

        if (t2 != t1 + 1) {
            throw new AssertionError(name + ": a reader read data1Value = " + t1 + " and then data2Value = " + t2
                    + ", expected " + (t1 + 1));
        }
    }
}

package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * SCTBench's {@code din_philN_sat} for N = 2..7 (concurrent-software-benchmarks/din_phil2_sat.c ... din_phil7_sat.c,
 * one program with {@code #define N} from 2 to 7, with common.inc): {@code N} philosophers each take their right
 * fork {@code x[(id + 1) % N]} then their left fork {@code x[id]}, put them down, all inside an atomic block
 * ({@code __ESBMC_atomic_begin/end}, which common.inc defines as the global mutex {@code esbmc_mutex}), then count
 * themselves in {@code ++phil} outside it, and assert {@code phil != N}.
 *
 * <p>The bug: this is a "sat" program, one whose assertion is meant to be reachable (the "unsat" twins are its
 * correct versions): it fails when the last philosopher to count itself sees {@code phil == N}, which happens
 * whenever no two increments of the unprotected {@code ++phil} overlap. The assertion holds only in runs where two
 * philosophers read {@code phil} before either writes it back (a lost update). In round-robin order the atomic block
 * spaces the increments out, so the last philosopher sees {@code N} and it fails.
 *
 * <p>Deviation: the thread argument ({@code &arg[i]} in C, read once at the thread's start) is passed by value.
 */
final class DiningPhilosophers {
    private DiningPhilosophers() {}

    /** The globals of one run. */
    private static final class State {
        final Mutex esbmcMutex = new Mutex("esbmc_mutex");
        final Mutex[] x;
        final SharedInt phil = new SharedInt("phil", 0);

        State(int n) {
            x = new Mutex[n];
            for (int i = 0; i < n; i++) {
                x[i] = new Mutex("x[" + i + "]");
            }
        }
    }

    /**
     * The main coroutine of a run, with fresh globals.
     *
     * @param n {@code N}, the number of philosophers (and forks)
     * @return the coroutine
     */
    static Coroutine<Void> program(int n) {
        return Coroutine.ofVoid("main", () -> {
            State s = new State(n);
            Threads threads = new Threads();
            List<Task<Void>> trdId = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                trdId.add(threads.create("thread1 " + id, () -> thread1(s, n, id)));
            }
            for (Task<Void> t : trdId) {
                threads.join(t);
            }
        });
    }

    private static void thread1(State s, int n, int id) {
        int left = id;
        int right = (id + 1) % n;

        s.esbmcMutex.lock();
        s.x[right].lock();
        s.x[left].lock();
        s.x[left].unlock();
        s.x[right].unlock();
        s.esbmcMutex.unlock();

        s.phil.set(s.phil.get() + 1); // ++phil
        int phil = s.phil.get();
        if (phil == n) {
            throw new AssertionError("din_phil" + n + "_sat: philosopher " + id + " counted phil == " + n
                    + ": all philosophers ate");
        }
    }
}

package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * SCTBench's {@code fsbench_bad} (concurrent-software-benchmarks/fsbench_bad.c): a model of a file system's block
 * allocation. {@code NUM_THREADS = 27} threads each take the inode {@code i = tid % NUMINODE} under its lock
 * {@code locki[i]} and, if it has no block yet, search up to {@code NUMBLOCKS / 2} blocks from
 * {@code (i * 2) % NUMBLOCKS} for a free one under its lock {@code lockb[b]}.
 *
 * <p>The bug: there are {@code NUMBLOCKS = 26} inode locks but 27 threads, so thread 26 computes {@code i = 26} and
 * fails the bounds assertion {@code i < NUMBLOCKS} that guards {@code locki[i]}. It does not depend on the order: it
 * fails as soon as thread 26 runs, round-robin included.
 *
 * <p>Deviations: the thread argument ({@code &arg[i]} in C) is passed by value; {@code pthread_exit} is the end of
 * the body; C's {@code printf} and the final {@code pthread_mutex_destroy}s are left out.
 */
final class FsBench {
    private FsBench() {}

    private static final int NUMBLOCKS = 26;
    private static final int NUMINODE = 32;
    private static final int NUM_THREADS = 27;

    /** The globals of one run. */
    private static final class State {
        final Mutex[] locki = new Mutex[NUMBLOCKS];
        final Mutex[] lockb = new Mutex[NUMBLOCKS];
        final SharedIntArray busy = new SharedIntArray("busy", NUMBLOCKS);
        final SharedIntArray inode = new SharedIntArray("inode", NUMINODE);

        State() {
            for (int i = 0; i < NUMBLOCKS; i++) {
                locki[i] = new Mutex("locki[" + i + "]");
                lockb[i] = new Mutex("lockb[" + i + "]");
            }
        }
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
            for (int i = 0; i < NUMBLOCKS; i++) {
                s.busy.set(i, 0);
            }
            List<Task<Void>> tids = new ArrayList<>();
            for (int i = 0; i < NUM_THREADS; i++) {
                int tid = i;
                tids.add(threads.create("thread_routine " + tid, () -> threadRoutine(s, tid)));
            }
            for (Task<Void> t : tids) {
                threads.join(t);
            }
        });
    }

    private static void threadRoutine(State s, int tid) {
        if (!(tid >= 0 && tid < NUM_THREADS)) {
            throw new AssertionError("fsbench: thread id " + tid + " out of range");
        }
        int i = tid % NUMINODE;
        checkInodeLockIndex(tid, i);
        s.locki[i].lock();
        if (s.inode.get(i) == 0) {
            int b = (i * 2) % NUMBLOCKS;
            for (int j = 0; j < NUMBLOCKS / 2; j++) {
                s.lockb[b].lock();
                if (s.busy.get(b) == 0) {
                    s.busy.set(b, 1);
                    s.inode.set(i, b + 1);
                    s.lockb[b].unlock();
                    break;
                }
                s.lockb[b].unlock();
                b = (b + 1) % NUMBLOCKS;
            }
        }
        checkInodeLockIndex(tid, i);
        s.locki[i].unlock();
    }

    /** C's {@code assert(i >= 0 && i < NUMBLOCKS)}, the bound of {@code locki}. */
    private static void checkInodeLockIndex(int tid, int i) {
        if (!(i >= 0 && i < NUMBLOCKS)) {
            throw new AssertionError("fsbench: thread " + tid + " uses inode " + i + ", but locki has only "
                    + NUMBLOCKS + " locks");
        }
    }
}

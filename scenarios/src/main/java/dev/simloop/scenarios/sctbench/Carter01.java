package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code carter01_bad} (concurrent-software-benchmarks/carter01_bad.c): a two-class lock, after Carter et
 * al. The first thread of class A ({@code t1}) or of class B ({@code t2}) to enter, counted in {@code A} or {@code B}
 * under the mutex {@code m}, takes the shared lock {@code l}, and the last to leave releases it. Two more threads
 * ({@code t3}, {@code t4}) do nothing. There is no assertion: the bug is a deadlock.
 *
 * <p>The bug: the first of a class takes {@code l} while it holds {@code m}. When {@code t1} holds {@code l} and
 * {@code t2} blocks on {@code l} inside its {@code m} section, {@code t1} can never take {@code m} again to leave:
 * deadlock. The run then fails with simloop's {@link dev.simloop.DeadlockException}. Round-robin order gets there:
 * {@code t2} queues for {@code m} while {@code t1} is in its first section, gets {@code m} when {@code t1} leaves it
 * holding {@code l}, and blocks on {@code l}; {@code t1} then queues for {@code m} behind it.
 *
 * <p>Deviation: none. The empty {@code t3} and {@code t4} are kept; they only add threads to schedule.
 */
final class Carter01 {
    private Carter01() {}

    /** The globals of one run. */
    private static final class State {
        final Mutex m = new Mutex("m");
        final Mutex l = new Mutex("l");
        final SharedInt a = new SharedInt("A", 0);
        final SharedInt b = new SharedInt("B", 0);
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
            Task<Void> a1 = threads.create("t1", () -> t1(s));
            Task<Void> b1 = threads.create("t2", () -> t2(s));
            Task<Void> a2 = threads.create("t3", () -> { });
            Task<Void> b2 = threads.create("t4", () -> { });
            threads.join(a1);
            threads.join(b1);
            threads.join(a2);
            threads.join(b2);
        });
    }

    private static void t1(State s) {
        classOperation(s, s.a);
    }

    private static void t2(State s) {
        classOperation(s, s.b);
    }

    /** The body of {@code t1} with {@code A}, of {@code t2} with {@code B}. */
    private static void classOperation(State s, SharedInt count) {
        s.m.lock();
        count.set(count.get() + 1);
        if (count.get() == 1) {
            s.l.lock();
        }
        s.m.unlock();
        // perform the class's operation
        s.m.lock();
        count.set(count.get() - 1);
        if (count.get() == 0) {
            s.l.unlock();
        }
        s.m.unlock();
    }
}

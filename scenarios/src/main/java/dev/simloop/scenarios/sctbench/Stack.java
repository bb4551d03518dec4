package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code stack_bad} (concurrent-software-benchmarks/stack_bad.c): a stack of {@code SIZE = 10} slots
 * shared by a pusher ({@code t1}, ten pushes of {@code 0..9}) and a popper ({@code t2}, ten tries), each step under
 * the mutex {@code m}; once the first push set {@code flag}, every step of {@code t2} pops and asserts that the pop
 * did not underflow.
 *
 * <p>The bug: {@code flag} stays set, so {@code t2} pops whether or not an element was pushed since its last pop;
 * when it takes the mutex twice in a row after a push, the second pop underflows. The fair mutex hands over
 * strictly in turn in round-robin order (push, pop, push, pop, ...), so that order passes.
 */
final class Stack {
    private Stack() {}

    private static final int SIZE = 10;
    private static final int OVERFLOW = -1;
    private static final int UNDERFLOW = -2;

    /** The globals of one run. */
    private static final class State {
        final SharedInt top = new SharedInt("top", 0);
        final SharedIntArray arr = new SharedIntArray("arr", SIZE);
        final Mutex m = new Mutex("m");
        final SharedBool flag = new SharedBool("flag", false);
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
            Task<Void> id1 = threads.create("t1", () -> t1(s));
            Task<Void> id2 = threads.create("t2", () -> t2(s));
            threads.join(id1);
            threads.join(id2);
        });
    }

    private static int push(State s, int x) {
        if (s.top.get() == SIZE) {
            return OVERFLOW;
        }
        s.arr.set(s.top.get(), x); // stack[get_top()] = x
        s.top.set(s.top.get() + 1); // inc_top()
        return 0;
    }

    private static int pop(State s) {
        if (s.top.get() == 0) {
            return UNDERFLOW;
        }
        s.top.set(s.top.get() - 1); // dec_top()
        return s.arr.get(s.top.get()); // stack[get_top()]
    }

    private static void t1(State s) {
        for (int i = 0; i < SIZE; i++) {
            s.m.lock();
            if (push(s, i) == OVERFLOW) {
                throw new AssertionError("stack: push of " + i + " overflowed");
            }
            s.flag.set(true);
            s.m.unlock();
        }
    }

    private static void t2(State s) {
        for (int i = 0; i < SIZE; i++) {
            s.m.lock();
            if (s.flag.get()) {
                if (pop(s) == UNDERFLOW) {
                    throw new AssertionError("stack: pop " + i + " of t2 underflowed: the stack was empty");
                }
            }
            s.m.unlock();
        }
    }
}

package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code circular_buffer_bad} (concurrent-software-benchmarks/circular_buffer_bad.c): a log buffer of 10
 * slots with a sender {@code t1} and a receiver {@code t2} that take turns through the flags {@code send} and
 * {@code receive}, each of {@code N = 7} loop iterations under the mutex {@code m}; the sender inserts its iteration
 * number {@code i} when it is its turn, and the receiver, when it is its turn, asserts that the element it removes is
 * its own iteration number.
 *
 * <p>The bug: a thread whose turn it is not still uses up its iteration, so as soon as one thread takes the mutex
 * twice in a row the sender's and the receiver's counters drift apart and the receiver removes, say, {@code 2} in
 * its iteration {@code 1}. The fair mutex hands over strictly in turn in round-robin order, so both advance in step
 * and it passes.
 *
 * <p>Deviation: C's {@code char} buffer and {@code unsigned} indices are {@code int}s (the values stay in 0..10);
 * C's {@code assert(first >= 0)} on an unsigned value, which cannot fail, is kept as a read of {@code first}.
 */
final class CircularBuffer {
    private CircularBuffer() {}

    private static final int BUFFER_MAX = 10;
    private static final int N = 7;
    private static final int ERROR = -1;

    /** The globals of one run. */
    private static final class State {
        final SharedIntArray buffer = new SharedIntArray("buffer", BUFFER_MAX);
        final SharedInt first = new SharedInt("first", 0);
        final SharedInt next = new SharedInt("next", 0);
        final SharedInt bufferSize = new SharedInt("buffer_size", 0);
        final SharedBool send = new SharedBool("send", false);
        final SharedBool receive = new SharedBool("receive", false);
        final Mutex m = new Mutex("m");
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
            initLog(s, 10);
            s.send.set(true);
            s.receive.set(false);
            Task<Void> id1 = threads.create("t1", () -> t1(s));
            Task<Void> id2 = threads.create("t2", () -> t2(s));
            threads.join(id1);
            threads.join(id2);
        });
    }

    private static void initLog(State s, int max) {
        s.bufferSize.set(max);
        s.next.set(0); // first = next = 0
        s.first.set(0);
    }

    private static int removeLogElement(State s) {
        if (s.first.get() < 0) {
            throw new AssertionError("circular_buffer: first < 0");
        }
        if (s.next.get() > 0 && s.first.get() < s.bufferSize.get()) {
            s.first.set(s.first.get() + 1);
            return s.buffer.get(s.first.get() - 1);
        }
        return ERROR;
    }

    private static int insertLogElement(State s, int b) {
        if (s.next.get() < s.bufferSize.get() && s.bufferSize.get() > 0) {
            s.buffer.set(s.next.get(), b);
            s.next.set((s.next.get() + 1) % s.bufferSize.get());
            if (s.next.get() >= s.bufferSize.get()) {
                throw new AssertionError("circular_buffer: next >= buffer_size after an insert");
            }
        } else {
            return ERROR;
        }
        return b;
    }

    private static void t1(State s) {
        for (int i = 0; i < N; i++) {
            s.m.lock();
            if (s.send.get()) {
                insertLogElement(s, i);
                s.send.set(false);
                s.receive.set(true);
            }
            s.m.unlock();
        }
    }

    private static void t2(State s) {
        for (int i = 0; i < N; i++) {
            s.m.lock();
            if (s.receive.get()) {
                int removed = removeLogElement(s);
                if (removed != i) {
                    throw new AssertionError("circular_buffer: the receiver removed " + removed + " in its iteration "
                            + i + ", expected " + i);
                }
                s.receive.set(false);
                s.send.set(true);
            }
            s.m.unlock();
        }
    }
}

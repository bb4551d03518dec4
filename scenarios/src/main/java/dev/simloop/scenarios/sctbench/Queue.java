package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code queue_bad} (concurrent-software-benchmarks/queue_bad.c): a queue of {@code SIZE = 20} elements
 * shared by an enqueuer {@code t1} and a dequeuer {@code t2} under the mutex {@code m}. {@code t1} first enqueues
 * {@code 0} (recording it in {@code stored_elements[0]}), then in each of 19 iterations, when
 * {@code enqueue_flag} says it is its turn, enqueues the next value and records it in
 * {@code stored_elements[i + 1]}; {@code t2}, in each of 20 iterations, when {@code dequeue_flag} says it is its turn,
 * dequeues and asserts that it got {@code stored_elements[i]}.
 *
 * <p>The bug: both sides index {@code stored_elements} by their own iteration count, which also advances in the
 * iterations where it is not their turn, and the first enqueue hands no turn over. The expectation holds only when
 * each side's skipped iterations match; a dequeue in {@code t2}'s iteration {@code i} of the value recorded at
 * another index fails. In round-robin order {@code t2} spends its iteration 0 before the first turn is handed to it,
 * then dequeues {@code 0} in iteration 1 where {@code stored_elements[1] == 1}.
 *
 * <p>Deviation: C's {@code printf}s are left out.
 */
final class Queue {
    private Queue() {}

    private static final int SIZE = 20;
    private static final int EMPTY = -1;

    /** The globals of one run: the {@code QType queue}, {@code stored_elements}, the two flags and {@code m}. */
    private static final class State {
        final SharedIntArray element = new SharedIntArray("queue.element", SIZE);
        final SharedInt head = new SharedInt("queue.head", 0);
        final SharedInt tail = new SharedInt("queue.tail", 0);
        final SharedInt amount = new SharedInt("queue.amount", 0);
        final Mutex m = new Mutex("m");
        final SharedIntArray storedElements = new SharedIntArray("stored_elements", SIZE);
        final SharedBool enqueueFlag = new SharedBool("enqueue_flag", false);
        final SharedBool dequeueFlag = new SharedBool("dequeue_flag", false);
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
            s.enqueueFlag.set(true);
            s.dequeueFlag.set(false);
            init(s);
            if (empty(s) != EMPTY) {
                throw new AssertionError("queue: a new queue is not empty");
            }
            Task<Void> id1 = threads.create("t1", () -> t1(s));
            Task<Void> id2 = threads.create("t2", () -> t2(s));
            threads.join(id1);
            threads.join(id2);
        });
    }

    private static void init(State s) {
        s.head.set(0);
        s.tail.set(0);
        s.amount.set(0);
    }

    private static int empty(State s) {
        return s.head.get() == s.tail.get() ? EMPTY : 0;
    }

    private static int enqueue(State s, int x) {
        s.element.set(s.tail.get(), x);
        s.amount.set(s.amount.get() + 1);
        if (s.tail.get() == SIZE) {
            s.tail.set(1);
        } else {
            s.tail.set(s.tail.get() + 1);
        }
        return 0;
    }

    private static int dequeue(State s) {
        int x = s.element.get(s.head.get());
        s.amount.set(s.amount.get() - 1);
        if (s.head.get() == SIZE) {
            s.head.set(1);
        } else {
            s.head.set(s.head.get() + 1);
        }
        return x;
    }

    private static void t1(State s) {
        s.m.lock();
        int value = 0;
        if (enqueue(s, value) != 0) {
            throw new AssertionError("queue: the first enqueue failed");
        }
        s.storedElements.set(0, value);
        if (empty(s) != 0) {
            throw new AssertionError("queue: empty after the first enqueue");
        }
        s.m.unlock();

        for (int i = 0; i < SIZE - 1; i++) {
            s.m.lock();
            if (s.enqueueFlag.get()) {
                value++;
                enqueue(s, value);
                s.storedElements.set(i + 1, value);
                s.enqueueFlag.set(false);
                s.dequeueFlag.set(true);
            }
            s.m.unlock();
        }
    }

    private static void t2(State s) {
        for (int i = 0; i < SIZE; i++) {
            s.m.lock();
            if (s.dequeueFlag.get()) {
                int dequeued = dequeue(s);
                int stored = s.storedElements.get(i);
                if (dequeued != stored) {
                    throw new AssertionError("queue: t2 dequeued " + dequeued + " in its iteration " + i
                            + ", but stored_elements[" + i + "] = " + stored);
                }
                s.dequeueFlag.set(false);
                s.enqueueFlag.set(true);
            }
            s.m.unlock();
        }
    }
}

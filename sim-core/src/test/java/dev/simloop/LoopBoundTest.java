package dev.simloop;

import static dev.simloop.Sim.createTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.sync.Event;
import dev.simloop.sync.Lock;
import dev.simloop.sync.Queue;
import dev.simloop.sync.Semaphore;
import org.junit.jupiter.api.Test;

/** A primitive or queue belongs to the loop it first waited on, as asyncio's _LoopBoundMixin. */
class LoopBoundTest {

    private static final String SHARED = "This %s is bound to event loop 'first', where it first waited, and cannot "
            + "wait on event loop 'second'. Make one per loop: create it inside the test body or the run, not in a "
            + "static field or a field that several runs share.";

    /** Waits on {@code waitOn} in loop "first", then tries again in loop "second"; returns the second's failure. */
    private static Throwable waitInTwoLoops(Runnable waitOn) {
        try (EventLoop first = EventLoop.builder().name("first").onProblem(p -> {}).build()) {
            first.createTask("waiter", Coroutine.ofVoid(waitOn::run));
            first.runUntilIdle();
        }
        try (EventLoop second = EventLoop.builder().name("second").onProblem(p -> {}).build()) {
            Task<Void> t = second.createTask("waiter", Coroutine.ofVoid(waitOn::run));
            second.runUntilIdle();
            return t.exception();
        }
    }

    @Test
    void aLockSharedAcrossLoopsSaysWhereItBelongs() {
        Lock lock = new Lock();
        Throwable e = waitInTwoLoops(() -> {
            if (!lock.locked()) {
                lock.acquire(); // the first loop takes it and never releases: the next acquire must wait
            }
            lock.acquire();
        });
        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessage(SHARED.formatted("Lock"));
    }

    @Test
    void anEventAndAQueueSharedAcrossLoopsSayTheSame() {
        Event event = new Event();
        assertThat(waitInTwoLoops(event::await)).hasMessage(SHARED.formatted("Event"));
        Queue<String> queue = new Queue<>();
        assertThat(waitInTwoLoops(queue::get)).hasMessage(SHARED.formatted("Queue"));
    }

    @Test
    void aPrimitiveUsedWithoutWaitingIsNotBound() {
        Lock lock = new Lock();
        for (String name : new String[] {"first", "second"}) {
            String result = EventLoop.builder().name(name).run(Coroutine.of(() -> {
                lock.acquire();
                lock.release();
                return "free in " + name;
            }));
            assertThat(result).isEqualTo("free in " + name);
        }
    }

    @Test
    void tasksOfOneLoopShareAPrimitiveFreely() {
        Semaphore permits = new Semaphore(1);
        String result = EventLoop.run(Coroutine.of(() -> {
            permits.acquire();
            Task<Void> other = createTask("other", Coroutine.ofVoid(permits::acquire));
            Sim.yieldNow();
            permits.release();
            Sim.await(other);
            return "shared";
        }));
        assertThat(result).isEqualTo("shared");
    }
}

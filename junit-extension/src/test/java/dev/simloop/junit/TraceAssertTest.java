package dev.simloop.junit;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.mark;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static dev.simloop.junit.SimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.SimFuture;
import dev.simloop.Task;
import dev.simloop.Trace;
import java.time.Duration;

/** Trace and task-suspension assertions, themselves written as @SimTest methods. */
class TraceAssertTest {

    /** Worker a marks around a yield; worker b runs in between. */
    private static void interleave() {
        Task<Void> a = createTask("a", Coroutine.ofVoid(() -> {
            mark("a read");
            yieldNow();
            mark("a write");
        }));
        Task<Void> b = createTask("b", Coroutine.ofVoid(() -> mark("b ran")));
        await(a);
        await(b);
    }

    @SimTest
    void marksInOrderAndBeforeEachOther(EventLoop loop) {
        interleave();
        Trace trace = loop.trace();
        assertThat(trace).hasMarksInOrder("a read", "a write").hasMarksInOrder("a read", "b ran", "a write")
                .hasMarkBefore("a read", "b ran").hasSuspensions("a", 1).hasSuspensions("b", 0);
        assertThatThrownBy(() -> assertThat(trace).hasMarksInOrder("a write", "a read")).hasMessage("""

                Expecting trace:
                  %s
                to have the marks in order:
                  [a write, a read]
                but its marks were:
                  [a read, b ran, a write]""".formatted(trace));
        assertThatThrownBy(() -> assertThat(loop.trace()).hasMarkBefore("a write", "b ran")).hasMessageEndingWith("""
                to have mark 'a write' before mark 'b ran', but they happened as:
                  #3 0 s b mark b ran
                  #4 0 s a mark a write""");
    }

    @SimTest
    void anotherTaskRunningBetweenTwoMarksIsAnInterleaving(EventLoop loop) {
        interleave();
        assertThatThrownBy(() -> assertThat(loop.trace()).hasNoInterleavingBetween("a read", "a write"))
                .hasMessageEndingWith("""
                        to have no other task run between mark 'a read' and mark 'a write', but task 'b' did:
                          #2 0 s a mark a read
                          #3 0 s b started
                          #4 0 s a mark a write""");
        assertThatThrownBy(() -> assertThat(loop.trace()).hasSuspensions("a", 2)).hasMessageEndingWith("""
                to have task 'a' suspend 2 times, but it suspended 1 times:
                  #2 0 s a suspended on a bare yield""");
    }

    @SimTest
    void noInterleavingWhenNothingElseRan(EventLoop loop) {
        await(createTask("solo", Coroutine.ofVoid(() -> {
            mark("start");
            sleep(Duration.ofSeconds(1));
            mark("end");
        })));
        assertThat(loop.trace()).hasNoInterleavingBetween("start", "end");
    }

    @SimTest
    void aTaskWasSuspendedOnWhatItAwaited(EventLoop loop) {
        SimFuture<String> reply = loop.createFuture("reply");
        Task<String> waiter = createTask("waiter", Coroutine.of(() -> await(reply)));
        sleep(Duration.ofSeconds(1));
        reply.setResult("pong");
        await(waiter);
        assertThat(waiter).wasSuspendedOn("future 'reply'").hasResult("pong");
        assertThatThrownBy(() -> assertThat(waiter).wasSuspendedOn("sleep 1 s")).hasMessage("""

                Expecting task:
                  Task[waiter, done]
                to have been suspended on sleep 1 s, but it suspended only as follows:
                  #2 0 s waiter suspended on future 'reply'""");
    }

    @SimTest
    void aTaskBlockedInALockWasSuspendedOnTheLock() {
        dev.simloop.sync.Lock lock = new dev.simloop.sync.Lock();
        lock.acquire();
        Task<Void> locker = createTask("locker", Coroutine.ofVoid(() -> {
            lock.acquire();
            lock.release();
        }));
        sleep(Duration.ofSeconds(1));
        lock.release();
        await(locker);
        assertThat(locker).wasSuspendedOn("lock");
    }
}

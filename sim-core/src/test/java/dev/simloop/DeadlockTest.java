package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlockTest {

    @Test
    void deadlockNamesEveryPendingTaskAndWhatItWaitsOn() {
        try (EventLoop loop = EventLoop.builder().onProblem(p -> {}).build()) {
            SimFuture<String> reply = loop.createFuture("reply");
            Coroutine<String> main = Coroutine.of("main", () -> {
                Task<String> worker = createTask("worker", Coroutine.of(() -> {
                    sleep(Duration.ofSeconds(2));
                    return await(reply);
                }));
                return await(worker);
            });
            assertThatThrownBy(() -> loop.runUntilComplete(main))
                    .isInstanceOf(DeadlockException.class)
                    .hasMessage("""
                            Deadlock: task 'main' can never finish: nothing is ready to run and no timer is pending \
                            (virtual time 2 s, step 4). Pending tasks, in creation order:
                              - 'main' waiting on task 'worker'
                              - 'worker' waiting on future 'reply'
                            Look for a future that nobody resolves, an event nobody sets, or tasks that await each \
                            other.""")
                    .satisfies(e -> assertThat(((DeadlockException) e).pendingTasks()).containsExactly(
                            "'main' waiting on task 'worker'", "'worker' waiting on future 'reply'"));
        }
    }

    @Test
    void awaitingAFutureNobodyResolvesFromOutsideIsADeadlockToo() {
        try (EventLoop loop = EventLoop.create()) {
            SimFuture<String> orphan = loop.createFuture("orphan");
            assertThatThrownBy(() -> loop.runUntilComplete(orphan))
                    .isInstanceOf(DeadlockException.class)
                    .hasMessage("Deadlock: future 'orphan' can never finish: nothing is ready to run and no timer is "
                            + "pending (virtual time 0 s, step 0). No task is pending: nothing will ever complete "
                            + "it.\nLook for a future that nobody resolves, an event nobody sets, or tasks that await "
                            + "each other.");
        }
    }

    @Test
    void tasksAwaitingEachOtherAreADeadlock() {
        try (EventLoop loop = EventLoop.builder().onProblem(p -> {}).build()) {
            SimFuture<Task<?>> bRef = loop.createFuture("b-ref");
            Task<Object> a = loop.createTask("a", Coroutine.of(() -> await(await(bRef))));
            Task<Object> b = loop.createTask("b", Coroutine.of(() -> await(a)));
            bRef.setResult(b);
            assertThatThrownBy(() -> loop.runUntilComplete(a))
                    .isInstanceOf(DeadlockException.class)
                    .satisfies(e -> assertThat(((DeadlockException) e).pendingTasks()).containsExactly(
                            "'a' waiting on task 'b'", "'b' waiting on task 'a'"));
        }
    }

    /** A task blocked in a primitive waits on the primitive, by kind, not on an anonymous future. */
    @Test
    void waitsInPrimitivesAreNamedAfterThem() {
        try (EventLoop loop = EventLoop.builder().onProblem(p -> {}).build()) {
            dev.simloop.sync.Lock lock = new dev.simloop.sync.Lock();
            dev.simloop.sync.Event event = new dev.simloop.sync.Event();
            dev.simloop.sync.Condition condition = new dev.simloop.sync.Condition();
            dev.simloop.sync.Semaphore semaphore = new dev.simloop.sync.Semaphore(0);
            dev.simloop.sync.BoundedSemaphore bounded = new dev.simloop.sync.BoundedSemaphore(1);
            dev.simloop.sync.Queue<Integer> empty = new dev.simloop.sync.Queue<>();
            dev.simloop.sync.Queue<Integer> full = new dev.simloop.sync.Queue<>(1);
            Coroutine<Void> main = Coroutine.ofVoid("main", () -> {
                lock.acquire();
                bounded.acquire();
                full.putNowait(1);
                List<Task<Void>> blocked = List.of(
                        createTask("locker", Coroutine.ofVoid(lock::acquire)),
                        createTask("setter", Coroutine.ofVoid(event::await)),
                        createTask("signalled", Coroutine.ofVoid(() -> {
                            condition.acquire();
                            condition.await();
                        })),
                        createTask("permit", Coroutine.ofVoid(semaphore::acquire)),
                        createTask("bounded", Coroutine.ofVoid(bounded::acquire)),
                        createTask("getter", Coroutine.ofVoid(() -> empty.get())),
                        createTask("putter", Coroutine.ofVoid(() -> full.put(2))));
                for (Task<Void> t : blocked) {
                    await(t);
                }
            });
            assertThatThrownBy(() -> loop.runUntilComplete(main))
                    .isInstanceOf(DeadlockException.class)
                    .satisfies(e -> assertThat(((DeadlockException) e).pendingTasks()).containsExactly(
                            "'main' waiting on task 'locker'", "'locker' waiting on lock", "'setter' waiting on event",
                            "'signalled' waiting on condition", "'permit' waiting on semaphore",
                            "'bounded' waiting on bounded semaphore", "'getter' waiting on queue get",
                            "'putter' waiting on queue put"));
        }
    }
}

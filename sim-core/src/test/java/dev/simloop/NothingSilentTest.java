package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.sync.Event;
import dev.simloop.sync.Lock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Failures that must never be silent and calls that must leave no corrupt state (issue 15's first items). */
class NothingSilentTest {

    private static void inForeignThread(String name, Runnable call) throws InterruptedException {
        Thread t = new Thread(call, name);
        t.start();
        t.join();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void aCheckedExceptionFromACallbackGoesToTheHandlerAndTheLoopGoesOn() {
        List<LoopProblem> problems = new ArrayList<>();
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.builder().onProblem(problems::add).build()) {
            loop.callSoon(() -> NothingSilentTest.<RuntimeException>sneaky(new IOException("disk gone")));
            loop.callSoon(() -> log.add("ran after it"));
            loop.runUntilIdle();
        }
        assertThat(log).containsExactly("ran after it");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(LoopProblem.Kind.CALLBACK_EXCEPTION);
            assertThat(p.message()).isEqualTo("A callback threw at virtual time 0 s (step 1): java.io.IOException: "
                    + "disk gone");
            assertThat(p.cause()).isInstanceOf(IOException.class);
        });
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void aStackOverflowInACallbackIsReportedWithWhatToLookFor() {
        List<LoopProblem> problems = new ArrayList<>();
        try (EventLoop loop = EventLoop.builder().onProblem(problems::add).build()) {
            loop.callSoon(() -> recurse(0));
            loop.runUntilIdle();
        }
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("A callback threw at "
                + "virtual time 0 s (step 1): java.lang.StackOverflowError").endsWith(" (its stack overflowed: look "
                + "for unbounded recursion, or an await chain thousands of coroutines deep)"));
    }

    @Test
    void aForeignReleaseIsRefusedBeforeItChangesTheLock() throws Exception {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("owner").onProblem(p -> log.add(p.kind().name())).build()) {
            Lock lock = new Lock();
            Event event = new Event();
            AtomicReference<Throwable> refused = new AtomicReference<>();
            loop.runUntilComplete(Coroutine.ofVoid("main", () -> {
                lock.acquire();
                Task<Void> waiter = createTask("waiter", Coroutine.ofVoid(() -> {
                    lock.acquire();
                    log.add("waiter got the lock");
                    lock.release();
                }));
                Task<Void> listener = createTask("listener", Coroutine.ofVoid(event::await));
                yieldNow(); // both wait now: the lock and the event are bound to this loop
                try {
                    inForeignThread("intruder", () -> {
                        try {
                            lock.release();
                        } catch (WrongThreadException e) {
                            refused.set(e);
                        }
                        try {
                            event.set();
                        } catch (WrongThreadException e) {
                            log.add("event refused");
                        }
                    });
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                log.add("still locked: " + lock.locked() + ", event set: " + event.isSet());
                lock.release();
                await(waiter);
                event.set();
                await(listener);
            }));
            assertThat(refused.get()).isInstanceOf(WrongThreadException.class);
        }
        assertThat(log).containsExactly("event refused", "still locked: true, event set: false",
                "FOREIGN_THREAD", "FOREIGN_THREAD", "waiter got the lock");
    }

    @Test
    void aRefusedCallThatItsCallerSwallowedStillFailsTheRun() {
        RunResult r = Simulation.of(() -> Coroutine.ofVoid("main", () -> {
            EventLoop loop = Sim.currentLoop();
            try {
                inForeignThread("jdk-delay", () -> {
                    try {
                        loop.callSoon(() -> {});
                    } catch (WrongThreadException swallowed) {
                        // as CompletableFuture.delayedExecutor's thread does
                    }
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            yieldNow();
        })).policy(Policy.FIFO).run(1);
        assertThat(r.failure()).isInstanceOf(LoopProblemException.class).hasMessageContaining("FOREIGN_THREAD")
                .hasMessageContaining("was called from thread 'jdk-delay'");
    }

    @Test
    void aClosedLoopRefusesHandInsFromOtherThreads() {
        EventLoop loop = EventLoop.builder().name("gone").build();
        loop.close();
        assertThatThrownBy(() -> loop.callSoonThreadsafe(() -> {})).isInstanceOf(IllegalStateException.class)
                .hasMessage("callSoonThreadsafe on event loop 'gone', which is closed: the callback would never run. "
                        + "Hand work only to a loop that is open.");
    }

    private static Coroutine<Integer> depth(int n) {
        return Coroutine.of(() -> n == 0 ? 0 : await(depth(n - 1)) + 1);
    }

    @Test
    void aTooDeepAwaitChainSaysWhatHappenedAndWhatToDo() {
        assertThatThrownBy(() -> EventLoop.run(Coroutine.of("main", () -> await(depth(1_000_000)))))
                .isInstanceOf(StackOverflowError.class).hasMessage("The stack of task 'main' overflowed: its body "
                        + "called or awaited too deeply (awaiting a coroutine runs it on the same stack, like a "
                        + "call). Look for unbounded recursion; for a chain of thousands of steps, loop or create "
                        + "tasks instead of nesting awaits.");
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadConfinementTest {

    @Test
    void callsFromAForeignThreadFailAtOnceNamingTheThread() throws Exception {
        try (EventLoop loop = EventLoop.builder().name("confined").build()) {
            String owner = Thread.currentThread().getName();
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread foreign = new Thread(() -> {
                try {
                    loop.callSoon(() -> {});
                } catch (Throwable t) {
                    error.set(t);
                }
            }, "intruder");
            foreign.start();
            foreign.join();
            assertThat(error.get()).isInstanceOf(WrongThreadException.class)
                    .hasMessage("Event loop 'confined' was called from thread 'intruder', but it belongs to thread '"
                            + owner + "'. A loop is confined to one thread; from other threads use "
                            + "callSoonThreadsafe(...) only.");
        }
    }

    @Test
    void callSoonThreadsafeHandsWorkToTheLoopThread() {
        try (EventLoop loop = EventLoop.create()) {
            List<String> log = new ArrayList<>();
            AtomicReference<Thread> poster = new AtomicReference<>();
            CompletableFuture<Void> posted = CompletableFuture.runAsync(() -> {
                poster.set(Thread.currentThread());
                loop.callSoonThreadsafe(() -> log.add("first, on the loop: " + (Sim.currentLoop() == loop)
                        + ", not on the poster: " + (Thread.currentThread() != poster.get())));
                loop.callSoonThreadsafe(() -> log.add("second"));
            });
            await().atMost(Duration.ofSeconds(5)).until(posted::isDone);
            assertThat(log).isEmpty();
            loop.runUntilIdle();
            assertThat(log).containsExactly("first, on the loop: true, not on the poster: true", "second");
        }
    }

    @Test
    void aClosedLoopRefusesWork() {
        EventLoop loop = EventLoop.builder().name("done").build();
        loop.close();
        assertThatThrownBy(() -> loop.callSoon(() -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Event loop 'done' is closed: it cannot schedule or run anything. Create a new loop.");
        assertThatThrownBy(() -> loop.runUntilComplete(Coroutine.of(() -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Event loop 'done' is closed");
    }

    @Test
    void aLoopCannotBeRunFromInsideItself() {
        try (EventLoop loop = EventLoop.create()) {
            Task<String> t = loop.createTask("nested", Coroutine.of(() -> {
                try {
                    loop.runUntilIdle();
                    return "ran";
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            }));
            loop.runUntilComplete(t);
            assertThat(t.result()).isEqualTo("This event loop is already running: it cannot be run again from "
                    + "inside one of its own callbacks or coroutines. Await instead.");
        }
    }

    @Test
    void aFutureOfAnotherLoopCannotBeAwaited() {
        try (EventLoop other = EventLoop.builder().name("other").build()) {
            SimFuture<String> foreignFuture = other.createFuture("theirs");
            other.close();
            try (EventLoop loop = EventLoop.create()) {
                Task<String> t = loop.createTask("t", Coroutine.of(() -> await(foreignFuture)));
                loop.runUntilIdle();
                assertThat(t.exception()).isInstanceOf(IllegalStateException.class)
                        .hasMessage("Task 't' awaited future 'theirs', which belongs to a different event loop. "
                                + "Await only futures and tasks of your own loop.");
            }
        }
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoroutineTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void creatingACoroutineRunsNothing() {
        Coroutine<String> c = Coroutine.of(() -> {
            log.add("ran");
            return "x";
        });
        assertThat(log).isEmpty();
        assertThat(c.isStarted()).isFalse();
        assertThat(EventLoop.run(c)).isEqualTo("x");
        assertThat(log).containsExactly("ran");
        assertThat(c.isStarted()).isTrue();
    }

    @Test
    void aNullNameIsNoNameAsInCreateTask() {
        try (EventLoop loop = EventLoop.create()) {
            Coroutine<String> c = Coroutine.of(null, () -> "x");
            assertThat(c.name()).isNull();
            assertThat(c).hasToString("Coroutine[unnamed]");
            Task<String> t = loop.createTask(c);
            assertThat(t.name()).isEqualTo("Task-1");
            assertThat(Coroutine.ofVoid(null, () -> {}).name()).isNull();
            assertThat(loop.runUntilComplete(t)).isEqualTo("x");
        }
    }

    @Test
    void awaitingACoroutineTwiceIsAnErrorThatNamesIt() {
        String message = EventLoop.run(Coroutine.of(() -> {
            Coroutine<Integer> once = Coroutine.of("fetch", () -> 1);
            await(once);
            try {
                await(once);
                return "no error";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }));
        assertThat(message).isEqualTo("coroutine 'fetch' was already awaited or wrapped in a task: a coroutine runs "
                + "once. To await a result several times, wrap the coroutine in a task (createTask) and await the "
                + "task.");
    }

    @Test
    void wrappingAnAwaitedCoroutineInATaskIsTheSameError() {
        Coroutine<Integer> c = Coroutine.of(() -> 1);
        EventLoop.run(c);
        try (EventLoop loop = EventLoop.create()) {
            assertThatThrownBy(() -> loop.createTask(c))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("an unnamed coroutine was already awaited or wrapped in a task");
        }
    }

    @Test
    void awaitOutsideACoroutineSaysSo() {
        SimFuture<String> f;
        try (EventLoop loop = EventLoop.create()) {
            f = loop.createFuture();
            assertThatThrownBy(() -> await(f))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("await() was called outside a coroutine: it can only suspend code that runs as the "
                            + "body of a task or of a coroutine a task awaits. In a JUnit test, use @SimTest instead "
                            + "of @Test (its body runs as a coroutine); elsewhere, wrap the code in Coroutine.of(...) "
                            + "and run it with EventLoop.run(...), loop.runUntilComplete(...) or createTask(...).");
            loop.callSoon(() -> {
                try {
                    sleep(Duration.ofSeconds(1));
                } catch (IllegalStateException e) {
                    log.add(e.getMessage().substring(0, 40));
                }
            });
            loop.runUntilIdle();
        }
        assertThat(log).containsExactly("sleep() was called outside a coroutine: ");
    }

    @Test
    void aNeverAwaitedCoroutineIsReportedWhenItsLoopCloses() {
        List<LoopProblem> problems = new ArrayList<>();
        EventLoop.builder().onProblem(problems::add).run(Coroutine.ofVoid(() -> {
            Coroutine.of("forgotten", () -> 1);
            await(Coroutine.of("awaited", () -> 2));
        }));
        assertThat(problems).extracting(LoopProblem::kind, LoopProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LoopProblem.Kind.NEVER_AWAITED, "The coroutine 'forgotten' was "
                        + "never awaited: creating a coroutine runs nothing. Await it, or wrap it in a task."));
    }

    @Test
    void awaitRethrowsACheckedExceptionUnchanged() {
        IOException failure = new IOException("disk on fire");
        Throwable caught = EventLoop.run(Coroutine.of(() -> {
            Task<String> t = createTask(Coroutine.of(() -> {
                throw failure;
            }));
            try {
                await(t);
                return null;
            } catch (Exception e) {
                return e;
            }
        }));
        assertThat(caught).isSameAs(failure);
    }

    @Test
    void runRethrowsTheMainCoroutinesExceptionUnchanged() {
        IOException failure = new IOException("boom");
        assertThatThrownBy(() -> EventLoop.run(Coroutine.ofVoid(() -> {
            sleep(Duration.ofSeconds(1));
            throw failure;
        }))).isSameAs(failure);
    }

    @Test
    void aCoroutineAwaitedInsideRunsOnTheAwaitersTaskAndSuspendsWhereItsBodyDoes() {
        String result = EventLoop.run(Coroutine.of("main", () -> {
            Coroutine<String> inner = Coroutine.of(() -> {
                String before = Sim.currentTask().name();
                sleep(Duration.ofSeconds(3));
                return before + " at " + Sim.currentLoop().time();
            });
            return await(inner);
        }));
        assertThat(result).isEqualTo("main at 3000000000");
    }
}

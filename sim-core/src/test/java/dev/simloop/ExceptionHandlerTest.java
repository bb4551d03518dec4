package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** asyncio's set/get/call/default_exception_handler, and how they sit with the builder's onProblem. */
class ExceptionHandlerTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void aHandlerSetWhileRunningTakesTheLoopsProblemsUntilItIsUnset() {
        try (EventLoop loop = EventLoop.builder().onProblem(p -> log.add("onProblem: " + p.message())).build()) {
            Consumer<LoopProblem> handler = p -> log.add("handler: " + p.kind() + " " + p.cause().getMessage());
            loop.runUntilComplete(Coroutine.ofVoid(() -> {
                log.add("handler at start: " + loop.getExceptionHandler());
                loop.setExceptionHandler(handler);
                log.add("handler set: " + (loop.getExceptionHandler() == handler));
                loop.callSoon(() -> {
                    throw new IllegalStateException("first");
                });
                Sim.yieldNow();
                Sim.yieldNow();
                loop.setExceptionHandler(null);
                loop.callSoon(() -> {
                    throw new IllegalStateException("second");
                });
                Sim.yieldNow();
                Sim.yieldNow();
            }));
        }
        assertThat(log).containsExactly("handler at start: null", "handler set: true",
                "handler: CALLBACK_EXCEPTION first",
                "onProblem: A callback threw at virtual time 0 s (step 5): java.lang.IllegalStateException: second");
    }

    @Test
    void callExceptionHandlerGoesToTheHandlerAndTheDefaultHandlerToOnProblem() {
        try (EventLoop loop = EventLoop.builder().onProblem(p -> log.add("default: " + p.message())).build()) {
            LoopProblem mine = new LoopProblem(LoopProblem.Kind.REPORTED, "connection lost", null);
            loop.callExceptionHandler(mine);
            loop.setExceptionHandler(p -> {
                log.add("handler: " + p.message());
                loop.defaultExceptionHandler(p);
            });
            loop.callExceptionHandler(mine);
        }
        assertThat(log).containsExactly("default: connection lost", "handler: connection lost",
                "default: connection lost");
    }

    @Test
    void aHandlerThatThrowsHandsItsExceptionToTheDefaultHandler() {
        List<LoopProblem> problems = new ArrayList<>();
        try (EventLoop loop = EventLoop.builder().onProblem(problems::add).build()) {
            loop.setExceptionHandler(p -> {
                throw new UnsupportedOperationException("handler broke");
            });
            loop.callExceptionHandler(new LoopProblem(LoopProblem.Kind.REPORTED, "connection lost", null));
        }
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).kind()).isEqualTo(LoopProblem.Kind.REPORTED);
        assertThat(problems.get(0).message()).isEqualTo("The exception handler threw "
                + "java.lang.UnsupportedOperationException: handler broke while handling: connection lost");
        assertThat(problems.get(0).cause()).hasMessage("handler broke");
    }
}

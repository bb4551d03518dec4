package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

    private final List<String> log = new ArrayList<>();
    private final List<LoopProblem> problems = new ArrayList<>();

    @Test
    void taskReportsNameStateAndResult() {
        try (EventLoop loop = EventLoop.create()) {
            Task<Integer> named = loop.createTask("answer", Coroutine.of(() -> 42));
            Task<Integer> fromCoroutine = loop.createTask(Coroutine.of("coro-name", () -> 1));
            Task<Integer> unnamed = loop.createTask(Coroutine.of(() -> 2));
            assertThat(named.name()).isEqualTo("answer");
            assertThat(fromCoroutine.name()).isEqualTo("coro-name");
            assertThat(unnamed.name()).isEqualTo("Task-1");
            assertThat(named.isDone()).isFalse();
            assertThatThrownBy(named::result)
                    .isInstanceOf(InvalidStateException.class)
                    .hasMessage("task 'answer' has no result yet: it is still pending. Await it, or check isDone() "
                            + "first.");
            assertThat(loop.runUntilComplete(named)).isEqualTo(42);
            assertThat(named.isDone()).isTrue();
            assertThat(named.isCancelled()).isFalse();
            assertThat(named.result()).isEqualTo(42);
            assertThat(named.exception()).isNull();
            assertThat(named).hasToString("Task[answer, done]");
        }
    }

    @Test
    void doneCallbacksRunInRegistrationOrderAlsoWhenAddedToADoneTask() {
        try (EventLoop loop = EventLoop.create()) {
            Task<String> t = loop.createTask("t", Coroutine.of(() -> "r"));
            t.addDoneCallback(d -> log.add("first " + d.result()));
            t.addDoneCallback(d -> log.add("second " + d.name()));
            loop.runUntilComplete(t);
            t.addDoneCallback(d -> log.add("late"));
            loop.runUntilIdle();
        }
        assertThat(log).containsExactly("first r", "second t", "late");
    }

    @Test
    void removedDoneCallbackDoesNotRun() {
        try (EventLoop loop = EventLoop.create()) {
            Task<String> t = loop.createTask("t", Coroutine.of(() -> "r"));
            java.util.function.Consumer<Task<String>> cb = d -> log.add("removed");
            t.addDoneCallback(cb);
            t.addDoneCallback(cb);
            t.addDoneCallback(d -> log.add("kept"));
            assertThat(t.removeDoneCallback(cb)).isEqualTo(2);
            loop.runUntilIdle();
        }
        assertThat(log).containsExactly("kept");
    }

    @Test
    void anExceptionNobodyRetrievedIsReportedAtClose() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        try (EventLoop loop = EventLoop.builder().onProblem(problems::add).build()) {
            loop.createTask("fire-and-forget", Coroutine.ofVoid(() -> {
                throw boom;
            }));
            Task<Void> retrieved = loop.createTask("retrieved", Coroutine.ofVoid(() -> {
                throw new IllegalStateException("seen");
            }));
            loop.runUntilIdle();
            assertThat(retrieved.exception()).hasMessage("seen");
        }
        assertThat(problems).extracting(LoopProblem::kind, LoopProblem::message, LoopProblem::cause).containsExactly(
                tuple(LoopProblem.Kind.UNRETRIEVED_EXCEPTION, "Task 'fire-and-forget' failed with "
                        + "java.lang.IllegalArgumentException: boom and nobody retrieved the exception: await it, or "
                        + "call result() or exception().", boom));
    }

    @Test
    void aPendingTaskIsReportedAtCloseButABackgroundTaskIsNot() {
        try (EventLoop loop = EventLoop.builder().onProblem(problems::add).build()) {
            SimFuture<Void> never = loop.createFuture("never");
            loop.createTask("stuck", Coroutine.ofVoid(() -> await(never)));
            loop.createBackgroundTask("heartbeat", Coroutine.ofVoid(() -> {
                while (true) {
                    sleep(Duration.ofSeconds(1));
                }
            }));
            loop.runUntilIdle();
        }
        assertThat(problems).extracting(LoopProblem::kind, LoopProblem::message).containsExactly(
                tuple(LoopProblem.Kind.PENDING_TASK, "Task 'stuck' was still pending when event loop 'loop' closed, "
                        + "waiting on future 'never'. Await it or cancel it before the loop closes, or make it a "
                        + "background task."));
    }

    @Test
    void closingUnwindsSuspendedCoroutinesSoTheirFinallyBlocksRun() {
        try (EventLoop loop = EventLoop.builder().onProblem(problems::add).build()) {
            loop.createBackgroundTask("holder", Coroutine.ofVoid(() -> {
                try {
                    sleep(Duration.ofDays(1));
                } finally {
                    log.add("finally ran");
                }
            }));
            loop.runCurrent();
            assertThat(log).isEmpty();
        }
        assertThat(log).containsExactly("finally ran");
        assertThat(problems).isEmpty();
    }

    @Test
    void runCancelsTheTasksLeftAfterMainAndLetsThemFinish() {
        List<String> result = new ArrayList<>();
        EventLoop.builder().onProblem(problems::add).run(Coroutine.ofVoid(() -> {
            createTask("leftover", Coroutine.ofVoid(() -> {
                try {
                    sleep(Duration.ofHours(1));
                } catch (CancelledException e) {
                    result.add("leftover cancelled at " + Sim.currentLoop().time());
                    throw e;
                }
            }));
            yieldNow();
        }));
        assertThat(result).containsExactly("leftover cancelled at 0");
        assertThat(problems).isEmpty();
    }

    @Test
    void cancelBeforeTheFirstStepMeansTheBodyNeverRuns() {
        try (EventLoop loop = EventLoop.create()) {
            Task<Void> t = loop.createTask("t", Coroutine.ofVoid(() -> log.add("ran")));
            assertThat(t.cancel("stop")).isTrue();
            loop.runUntilIdle();
            assertThat(t.isCancelled()).isTrue();
            assertThatThrownBy(t::result).isInstanceOf(CancelledException.class).hasMessage("stop");
            assertThat(t.cancel()).isFalse();
        }
        assertThat(log).isEmpty();
    }

    @Test
    void cancellingASleepingTaskThrowsAtItsSuspension() {
        try (EventLoop loop = EventLoop.create()) {
            Task<String> t = loop.createTask("sleeper", Coroutine.of(() -> {
                try {
                    sleep(Duration.ofHours(1));
                    return "slept";
                } catch (CancelledException e) {
                    return "caught " + e.cancelMessage() + " at " + Sim.currentLoop().time();
                }
            }));
            loop.advanceBy(Duration.ofSeconds(5));
            t.cancel("enough");
            loop.runUntilIdle();
            assertThat(t.result()).isEqualTo("caught enough at 5000000000");
            assertThat(loop.time()).isEqualTo(5_000_000_000L);
        }
    }

    @Test
    void cancellingATaskThatAwaitsAnotherCancelsTheInnerOne() {
        try (EventLoop loop = EventLoop.create()) {
            Task<Void> inner = loop.createTask("inner", Coroutine.ofVoid(() -> sleep(Duration.ofHours(1))));
            Task<Void> outer = loop.createTask("outer", Coroutine.ofVoid(() -> await(inner)));
            loop.runCurrent();
            outer.cancel();
            loop.runUntilIdle();
            assertThat(inner.isCancelled()).isTrue();
            assertThat(outer.isCancelled()).isTrue();
        }
    }

    @Test
    void aTaskCancelledAfterItsFutureResolvedLosesThatResult() {
        try (EventLoop loop = EventLoop.create()) {
            SimFuture<String> f = loop.createFuture();
            Task<String> t = loop.createTask("t", Coroutine.of(() -> await(f)));
            loop.runCurrent();
            f.setResult("value");
            t.cancel();
            loop.runUntilIdle();
            assertThat(t.isCancelled()).isTrue();
        }
    }

    @Test
    void aTaskAwaitingItselfIsAnError() {
        try (EventLoop loop = EventLoop.create()) {
            SimFuture<Task<?>> self = loop.createFuture();
            Task<Object> t = loop.createTask("narcissus", Coroutine.of(() -> await(self.result())));
            self.setResult(t);
            loop.runUntilIdle();
            assertThatThrownBy(t::result).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Task 'narcissus' awaited itself, which can never finish.");
        }
    }

    @Test
    void aFailingCallbackIsReportedAndTheLoopGoesOn() {
        try (EventLoop loop = EventLoop.builder().onProblem(problems::add).build()) {
            loop.callSoon(() -> {
                throw new IllegalStateException("bad callback");
            });
            loop.callSoon(() -> log.add("next"));
            loop.runUntilIdle();
        }
        assertThat(log).containsExactly("next");
        assertThat(problems).extracting(LoopProblem::kind).containsExactly(LoopProblem.Kind.CALLBACK_EXCEPTION);
        assertThat(problems.get(0).cause()).hasMessage("bad callback");
    }

    @Test
    void futureCompletesOnceAndSaysSo() {
        try (EventLoop loop = EventLoop.create()) {
            SimFuture<Integer> f = loop.createFuture("reply");
            f.setResult(1);
            assertThatThrownBy(() -> f.setResult(2)).isInstanceOf(InvalidStateException.class)
                    .hasMessage("setResult on future 'reply', which is already done: a future completes once. Check "
                            + "isDone() first.");
            assertThat(f.cancel()).isFalse();
            assertThatThrownBy(() -> f.setException(new CancelledException(null)))
                    .isInstanceOf(InvalidStateException.class)
                    .hasMessage("setException on future 'reply', which is already done: a future completes once. "
                            + "Check isDone() first.");
        }
    }

    @Test
    void aFutureCanFailWithACancellationWithoutBeingCancelled() {
        try (EventLoop loop = EventLoop.create()) {
            SimFuture<Integer> f = loop.createFuture("reply");
            CancelledException e = new CancelledException("gave up");
            f.setException(e);
            assertThat(f.isDone()).isTrue();
            assertThat(f.isCancelled()).isFalse();
            assertThat(f.exception()).isSameAs(e);
            assertThatThrownBy(f::result).isSameAs(e);
            assertThat(f.cancel()).isFalse();
        }
    }
}

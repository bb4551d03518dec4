package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** gather as in CPython 3.13's tasks.py. */
class GatherTest extends CombinatorTestBase {

    @Test
    void resultsComeInArgumentOrderWhateverTheCompletionOrder() {
        List<String> r = run(() -> await(gather(after(3, "a"), after(2, "b"), after(1, "c"))));
        assertThat(r).containsExactly("a", "b", "c");
        assertThat(log).containsExactly("c done at 1 s", "b done at 2 s", "a done at 3 s");
    }

    @Test
    void theFirstExceptionPropagatesWithoutCancellingTheSiblings() {
        runVoid(() -> {
            Task<String> b = after(2, "b");
            try {
                await(gather(failing(1, "a"), b));
            } catch (IllegalStateException e) {
                logAt("gather threw " + e.getMessage());
            }
            logAt("b gave " + await(b));
        });
        assertThat(log).containsExactly("a fails at 1 s", "gather threw a failed at 1 s", "b done at 2 s",
                "b gave b at 2 s");
    }

    @Test
    void withReturnExceptionsTheExceptionsComeBackInPlace() {
        List<Object> r = run(() -> {
            Task<String> c = after(3, "c");
            Task<String> d = after(3, "d");
            spawn("canceller", () -> d.cancel("d stopped"));
            return await(gather(true, List.of(failing(1, "a"), after(2, "b"), c, d)));
        });
        assertThat(r).hasSize(4);
        assertThat(r.get(0)).isInstanceOf(IllegalStateException.class).hasToString(
                "java.lang.IllegalStateException: a failed");
        assertThat(r.get(1)).isEqualTo("b");
        assertThat(r.get(2)).isEqualTo("c");
        assertThat(r.get(3)).isInstanceOf(CancelledException.class).hasFieldOrPropertyWithValue("cancelMessage",
                "d stopped");
        assertThat(log).containsExactly("d cancelled at 0 s", "a fails at 1 s", "b done at 2 s", "c done at 3 s");
    }

    @Test
    void cancellingTheGatherCancelsTheChildrenAndTheGatherHoldsTheCancellationAsItsException() {
        runVoid(() -> {
            Task<String> a = after(1, "a");
            Task<String> b = after(2, "b");
            SimFuture<List<String>> g = gather(a, b);
            yieldNow();
            log.add("cancel returned " + g.cancel("stop"));
            log.add("gather done right after cancel: " + g.isDone());
            try {
                await(g);
            } catch (CancelledException e) {
                logAt("gather cancelled: " + e.cancelMessage());
            }
            log.add("a cancelled " + a.isCancelled() + ", b cancelled " + b.isCancelled());
            log.add("gather cancelled " + g.isCancelled() + ", exception " + g.exception());
        });
        assertThat(log).containsExactly("cancel returned true", "gather done right after cancel: false",
                "a cancelled at 0 s", "b cancelled at 0 s", "gather cancelled: stop at 0 s",
                "a cancelled true, b cancelled true",
                "gather cancelled false, exception dev.simloop.CancelledException: stop");
    }

    @Test
    void cancellingATaskThatAwaitsTheGatherCancelsTheChildren() {
        runVoid(() -> {
            Task<Void> waiter = spawn("waiter", () -> await(gather(after(1, "a"), after(2, "b"))));
            yieldNow(); // the waiter creates a and b and suspends on the gather
            yieldNow(); // a and b start their sleeps
            waiter.cancel();
            log.add("waiter: " + outcomeOf(waiter));
        });
        assertThat(log).containsExactly("a cancelled at 0 s", "b cancelled at 0 s", "waiter: cancelled: cancelled");
    }

    @Test
    void aChildCancelledAloneFailsTheGatherWithACancellation() {
        runVoid(() -> {
            Task<String> a = after(1, "a");
            Task<String> b = after(2, "b");
            SimFuture<List<String>> g = gather(a, b);
            yieldNow();
            a.cancel("a only");
            try {
                await(g);
            } catch (CancelledException e) {
                logAt("gather: " + e.cancelMessage());
            }
            log.add("gather done " + g.isDone() + ", cancelled " + g.isCancelled() + ", exception "
                    + g.exception());
            try {
                g.result();
            } catch (CancelledException e) {
                log.add("result() throws the same exception: " + (e == g.exception()));
            }
            logAt("b gave " + await(b));
        });
        assertThat(log).containsExactly("a cancelled at 0 s", "gather: a only at 0 s",
                "gather done true, cancelled false, exception dev.simloop.CancelledException: a only",
                "result() throws the same exception: true", "b done at 2 s", "b gave b at 2 s");
    }

    @Test
    void theSameAwaitableTwiceRunsOnceAndAppearsTwice() {
        List<String> r = run(() -> {
            Task<String> a = after(1, "a");
            return await(gather(a, a));
        });
        assertThat(r).containsExactly("a", "a");
        assertThat(log).containsExactly("a done at 1 s");
    }

    @Test
    void coroutinesBecomeTasks() {
        List<String> r = run(() -> await(gather(Coroutine.of(() -> Sim.currentTask().name()),
                Coroutine.of("named", () -> Sim.currentTask().name()))));
        assertThat(r).hasSize(2).element(1).isEqualTo("named");
        assertThat(r.get(0)).startsWith("Task-");
    }

    @Test
    void nothingToGatherGivesAnEmptyListAtOnce() {
        runVoid(() -> {
            SimFuture<List<Object>> g = gather(List.of());
            log.add("done " + g.isDone() + ", " + await(g));
        });
        assertThat(log).containsExactly("done true, []");
    }
}

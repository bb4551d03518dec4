package dev.simloop;

import static dev.simloop.Sim.asCompleted;
import static dev.simloop.Sim.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asCompleted as in CPython 3.13's tasks.py. */
class AsCompletedTest extends CombinatorTestBase {

    @Test
    void resultsComeInCompletionOrder() {
        runVoid(() -> {
            AsCompleted<String> it = asCompleted(List.of(after(3, "a"), after(1, "b"), after(2, "c")), null);
            while (it.hasNext()) {
                logAt("next gave " + it.next());
            }
        });
        assertThat(log).containsExactly("b done at 1 s", "next gave b at 1 s", "c done at 2 s", "next gave c at 2 s",
                "a done at 3 s", "next gave a at 3 s");
    }

    @Test
    void afterTheTimeoutEachRemainingNextThrowsWithoutCancelling() {
        runVoid(() -> {
            Task<String> slow = after(5, "slow");
            AsCompleted<String> it = asCompleted(List.of(after(1, "fast"), slow), Duration.ofSeconds(2));
            logAt("next gave " + it.next());
            try {
                it.next();
            } catch (SimTimeoutException e) {
                logAt(e.getMessage());
            }
            log.add("has next: " + it.hasNext() + ", slow cancelled: " + slow.isCancelled());
            await(slow);
        });
        assertThat(log).containsExactly("fast done at 1 s", "next gave fast at 1 s",
                "asCompleted timed out: 2 s of virtual time passed before this awaitable completed. Give asCompleted a "
                        + "longer timeout, or handle the awaitables that did not finish (they were not cancelled). at 2 s",
                "has next: false, slow cancelled: false", "slow done at 5 s");
    }

    @Test
    void aFailureIsThrownByTheNextThatReachesIt() {
        runVoid(() -> {
            AsCompleted<String> it = asCompleted(List.of(after(2, "a"), failing(1, "b")), null);
            try {
                it.next();
            } catch (IllegalStateException e) {
                logAt("next threw " + e.getMessage());
            }
            logAt("next gave " + it.next());
        });
        assertThat(log).containsExactly("b fails at 1 s", "next threw b failed at 1 s", "a done at 2 s",
                "next gave a at 2 s");
    }

    @Test
    void asAnIterableItGivesCoroutinesToAwait() {
        runVoid(() -> {
            for (Coroutine<String> next : asCompleted(List.of(after(2, "a"), after(1, "b")), null)) {
                logAt("awaited " + await(next));
            }
        });
        assertThat(log).containsExactly("b done at 1 s", "awaited b at 1 s", "a done at 2 s", "awaited a at 2 s");
    }

    @Test
    void nextDoneGivesTheCompletedTasksThemselves() {
        runVoid(() -> {
            Task<String> a = after(2, "a");
            Task<String> b = after(1, "b");
            AsCompleted<String> it = asCompleted(List.of(a, b), null);
            log.add("first is b: " + (it.nextDone() == b));
            log.add("second is a: " + (it.nextDone() == a));
        });
        assertThat(log).containsExactly("b done at 1 s", "first is b: true", "a done at 2 s", "second is a: true");
    }

    @Test
    void nextDoneCanBeReadWithoutAwaiting() {
        runVoid(() -> {
            Task<String> a = after(2, "a");
            Task<String> b = after(1, "b");
            SimFuture<String> f = Sim.currentLoop().createFuture("reply");
            Sim.currentLoop().callSoon(() -> f.cancel("no reply"));
            AsCompleted<String> it = asCompleted(List.of(a, b, f), null);
            while (it.hasNext()) {
                FutureLike<? extends String> done = it.nextDone();
                log.add(done.name() + ": done " + done.isDone() + ", cancelled " + done.isCancelled()
                        + (done.isCancelled() ? ", message " + done.cancelMessage()
                                : ", result " + done.result() + ", exception " + done.exception()));
            }
            try {
                a.cancelMessage();
            } catch (InvalidStateException e) {
                log.add(e.getMessage());
            }
        });
        assertThat(log).containsExactly("reply: done true, cancelled true, message no reply", "b done at 1 s",
                "b: done true, cancelled false, result b, exception null", "a done at 2 s",
                "a: done true, cancelled false, result a, exception null",
                "task 'a' has no cancel message: it is done without being cancelled. Check isCancelled() first.");
    }

    @Test
    void callingNextTooOftenIsAnError() {
        runVoid(() -> {
            AsCompleted<String> it = asCompleted(List.of(after(0, "a")), null);
            it.next();
            try {
                it.next();
            } catch (java.util.NoSuchElementException e) {
                log.add(e.getMessage());
            }
        });
        assertThat(log).containsExactly("a done at 0 s",
                "asCompleted: every awaitable was already returned; check hasNext().");
    }
}

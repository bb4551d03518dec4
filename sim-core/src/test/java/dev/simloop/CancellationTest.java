package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.currentTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Task.cancel, cancelling() and uncancel() as in CPython 3.13's tasks.py. */
class CancellationTest extends LoopTestBase {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void cancelOfADoneTaskReturnsFalse() {
        runVoid(() -> {
            Task<Void> t = spawn("t", () -> log.add("t ran"));
            await(t);
            log.add("cancel returned " + t.cancel("late"));
        });
        assertThat(log).containsExactly("t ran", "cancel returned false");
    }

    @Test
    void cancellationArrivesAtTheNextSuspension() {
        runVoid(() -> {
            Task<Void> t = spawn("t", () -> {
                log.add("t started");
                sleep(SECOND);
                log.add("t after sleep");
            });
            yieldNow();
            log.add("cancel returned " + t.cancel("stop"));
            try {
                await(t);
            } catch (CancelledException e) {
                logAt("main got " + e.getMessage());
            }
            log.add("t cancelled: " + t.isCancelled());
        });
        assertThat(log).containsExactly("t started", "cancel returned true", "main got stop at 0 s",
                "t cancelled: true");
    }

    @Test
    void awaitingSomethingAlreadyDoneIsNotASuspension() {
        runVoid(() -> {
            SimFuture<String> done = loop.createFuture("done");
            done.setResult("ready");
            Task<Void> t = spawn("t", () -> {
                currentTask().cancel("self");
                log.add("t awaited " + await(done));
                yieldNow();
                log.add("t after yield");
            });
            log.add("main: " + outcomeOf(t));
        });
        assertThat(log).containsExactly("t awaited ready", "main: cancelled: self");
    }

    @Test
    void whileTheTaskWaitsTheFirstMessageWins() {
        runVoid(() -> {
            Task<Void> t = spawn("t", () -> {
                try {
                    sleep(SECOND);
                } catch (CancelledException e) {
                    log.add("t got " + e.cancelMessage() + ", cancelling " + currentTask().cancelling());
                    throw e;
                }
            });
            yieldNow();
            t.cancel("first");
            t.cancel("second");
            log.add("main: " + outcomeOf(t));
        });
        assertThat(log).containsExactly("t got first, cancelling 2", "main: cancelled: first");
    }

    @Test
    void beforeTheTaskStartsTheLastMessageWins() {
        // CPython 3.13: no waiter to hand the message to, so each cancel overwrites _cancel_message.
        runVoid(() -> {
            Task<Void> t = spawn("t", () -> log.add("t ran"));
            t.cancel("first");
            t.cancel("second");
            log.add("main: " + outcomeOf(t));
        });
        assertThat(log).containsExactly("main: cancelled: second");
    }

    @Test
    void aTaskThatCatchesTheCancellationAndReturnsCompletesNormally() {
        String result = run(() -> {
            Task<String> t = Sim.createTask("t", Coroutine.of(() -> {
                try {
                    sleep(SECOND);
                    return "slept";
                } catch (CancelledException e) {
                    log.add("cancelling " + currentTask().cancelling());
                    log.add("uncancel gives " + currentTask().uncancel());
                    return "refused";
                }
            }));
            yieldNow();
            t.cancel();
            String r = await(t);
            log.add("t cancelled: " + t.isCancelled());
            return r;
        });
        assertThat(result).isEqualTo("refused");
        assertThat(log).containsExactly("cancelling 1", "uncancel gives 0", "t cancelled: false");
    }

    @Test
    void uncancelToZeroDropsACancelThatHasNotArrivedYet() {
        runVoid(() -> {
            Task<Void> t = spawn("t", () -> log.add("t ran"));
            t.cancel();
            log.add("uncancel gives " + t.uncancel());
            await(t);
            log.add("t cancelled: " + t.isCancelled());
        });
        assertThat(log).containsExactly("uncancel gives 0", "t ran", "t cancelled: false");
    }

    @Test
    void cancellingATaskThatAwaitsAnotherCancelsTheInnerOneToo() {
        runVoid(() -> {
            Task<Void> inner = spawn("inner", () -> {
                try {
                    sleep(SECOND);
                } catch (CancelledException e) {
                    log.add("inner got " + e.cancelMessage());
                    throw e;
                }
            });
            Task<Void> outer = spawn("outer", () -> {
                try {
                    await(inner);
                } catch (CancelledException e) {
                    log.add("outer got " + e.cancelMessage() + ", cancelling " + currentTask().cancelling());
                    throw e;
                }
            });
            yieldNow();
            outer.cancel("stop");
            try {
                await(outer);
            } catch (CancelledException e) {
                log.add("inner cancelled " + inner.isCancelled() + ", outer cancelled " + outer.isCancelled());
            }
        });
        assertThat(log).containsExactly("inner got stop", "outer got stop, cancelling 1",
                "inner cancelled true, outer cancelled true");
    }

    @Test
    void aTaskAwaitingACancelledTaskGetsTheExceptionButIsNotCancelling() {
        String result = run(() -> {
            Task<Void> inner = spawn("inner", () -> sleep(SECOND));
            Task<String> outer = Sim.createTask("outer", Coroutine.of(() -> {
                try {
                    await(inner);
                    return "inner finished";
                } catch (CancelledException e) {
                    log.add("outer got " + e.cancelMessage() + ", cancelling " + currentTask().cancelling());
                    return "outer carried on";
                }
            }));
            yieldNow();
            inner.cancel("inner only");
            return await(outer);
        });
        assertThat(result).isEqualTo("outer carried on");
        assertThat(log).containsExactly("outer got inner only, cancelling 0");
    }

    @Test
    void aTaskCancelledAfterTheFutureItAwaitedResolvedLosesTheResult() {
        runVoid(() -> {
            SimFuture<String> f = loop.createFuture("reply");
            Task<Void> t = spawn("t", () -> log.add("t got " + await(f)));
            yieldNow();
            f.setResult("value");
            log.add("cancel returned " + t.cancel("too late"));
            log.add("main: " + outcomeOf(t));
        });
        assertThat(log).containsExactly("cancel returned true", "main: cancelled: too late");
    }

    @Test
    void aCancelRequestedWhileTheTaskRunsEndsItsNextSleepAtOnce() {
        runVoid(() -> {
            Task<Void> t = spawn("t", () -> {
                currentTask().cancel("self");
                try {
                    sleep(Duration.ofHours(1));
                } catch (CancelledException e) {
                    logAt("t got " + e.cancelMessage());
                    throw e;
                }
            });
            log.add("main: " + outcomeOf(t));
        });
        assertThat(log).containsExactly("t got self at 0 s", "main: cancelled: self");
    }

    @Test
    void aCancelRequestedWhileTheTaskRunsIsPassedToTheTaskItThenAwaits() {
        runVoid(() -> {
            Task<Void> inner = spawn("inner", () -> sleep(Duration.ofHours(1)));
            Task<Void> outer = spawn("outer", () -> {
                currentTask().cancel("passed on");
                await(inner);
            });
            log.add("outer: " + outcomeOf(outer));
            log.add("inner: " + outcomeOf(inner) + " at " + now());
        });
        assertThat(log).containsExactly("outer: cancelled: passed on", "inner: cancelled: passed on at 0 s");
    }
}

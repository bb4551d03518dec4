package dev.simloop;

import static dev.simloop.Sim.currentTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.timeout;
import static dev.simloop.Sim.timeoutAt;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timeout scopes as in CPython 3.13's timeouts.py and test_timeouts.py. */
class TimeoutTest extends LoopTestBase {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** Runs a Timeout scope and logs how it ended. */
    private void scope(String name, Timeout t, Coroutine.VoidBody body) {
        try {
            t.run(body);
            logAt(name + " ended normally, expired " + t.expired());
        } catch (SimTimeoutException e) {
            logAt(name + " timed out, expired " + t.expired());
            throw e;
        } catch (CancelledException e) {
            logAt(name + " let a cancellation through, expired " + t.expired());
            throw e;
        }
    }

    @Test
    void anExpiredScopeThrowsATimeoutExceptionThatSaysVirtualTime() {
        runVoid(() -> {
            Timeout t = timeout(SECOND);
            try {
                t.run(() -> {
                    sleep(Duration.ofSeconds(10));
                    log.add("never");
                });
            } catch (SimTimeoutException e) {
                logAt("timed out");
                log.add(e.getMessage());
                log.add("cause: " + e.getCause().getClass().getSimpleName());
                log.add("expired " + t.expired() + ", cancelling " + currentTask().cancelling());
            }
        });
        assertThat(log).containsExactly("timed out at 1 s",
                "Timed out: the deadline at 1 s of virtual time passed and cancelled the body of this Timeout scope. "
                        + "Give it a later deadline, or make the work finish sooner in virtual time.",
                "cause: CancelledException", "expired true, cancelling 0");
    }

    @Test
    void aBodyThatFinishesInTimeReturnsItsValue() {
        String r = run(() -> {
            Timeout t = timeout(SECOND);
            String v = t.call(() -> {
                sleep(Duration.ofMillis(500));
                return "in time";
            });
            log.add("expired " + t.expired() + ", when " + t.when());
            return v;
        });
        assertThat(r).isEqualTo("in time");
        assertThat(log).containsExactly("expired false, when 1 s");
    }

    @Test
    void aBodyThatCatchesTheCancellationReturnsNormallyAndTheScopeIsExpired() {
        runVoid(() -> scope("scope", timeout(SECOND), () -> {
            try {
                sleep(Duration.ofSeconds(10));
            } catch (CancelledException e) {
                logAt("body caught the cancellation");
            }
        }));
        assertThat(log).containsExactly("body caught the cancellation at 1 s", "scope ended normally, expired true at 1 s");
    }

    @Test
    void aDeadlineAlreadyPastLetsTheBodyRunToItsFirstSuspension() {
        runVoid(() -> {
            try {
                scope("scope", timeoutAt(LoopInstant.ofNanos(-1)), () -> {
                    log.add("body runs");
                    yieldNow();
                    log.add("never");
                });
            } catch (SimTimeoutException expected) {
                // logged by scope
            }
        });
        assertThat(log).containsExactly("body runs", "scope timed out, expired true at 0 s");
    }

    @Test
    void aDeadlineAlreadyPastDoesNotTouchABodyThatNeverSuspends() {
        runVoid(() -> scope("scope", timeoutAt(LoopInstant.START), () -> log.add("body runs")));
        assertThat(log).containsExactly("body runs", "scope ended normally, expired false at 0 s");
    }

    @Test
    void anInnerScopeThatExpiresFirstTimesOutAloneAndTheOuterGoesOn() {
        runVoid(() -> scope("outer", timeout(Duration.ofSeconds(10)), () -> {
            try {
                scope("inner", timeout(SECOND), () -> sleep(Duration.ofSeconds(5)));
            } catch (SimTimeoutException e) {
                sleep(SECOND);
            }
        }));
        assertThat(log).containsExactly("inner timed out, expired true at 1 s",
                "outer ended normally, expired false at 2 s");
    }

    @Test
    void whenTheOuterScopeExpiresTheInnerLetsTheCancellationThroughAndTheOuterTimesOut() {
        runVoid(() -> {
            try {
                scope("outer", timeout(SECOND),
                        () -> scope("inner", timeout(Duration.ofSeconds(10)), () -> sleep(Duration.ofSeconds(5))));
            } catch (SimTimeoutException expected) {
                log.add("cancelling " + currentTask().cancelling());
            }
        });
        assertThat(log).containsExactly("inner let a cancellation through, expired false at 1 s",
                "outer timed out, expired true at 1 s", "cancelling 0");
    }

    @Test
    void whenNestedScopesExpireTogetherTheOuterOneReportsTheTimeout() {
        // Both handlers cancel the task (cancelling 2); the inner takes back one request, sees one left that is not
        // its own, and lets the cancellation through; the outer takes back the last and converts it.
        runVoid(() -> {
            try {
                scope("outer", timeoutAt(LoopInstant.sinceStart(SECOND)),
                        () -> scope("inner", timeoutAt(LoopInstant.sinceStart(SECOND)), () -> sleep(Duration.ofSeconds(5))));
            } catch (SimTimeoutException expected) {
                log.add("cancelling " + currentTask().cancelling());
            }
        });
        assertThat(log).containsExactly("inner let a cancellation through, expired true at 1 s",
                "outer timed out, expired true at 1 s", "cancelling 0");
    }

    @Test
    void anOutsideCancelThatArrivesWithTheExpiryStaysACancellation() {
        runVoid(() -> {
            Task<?> main = currentTask();
            spawn("canceller", () -> {
                sleep(SECOND);
                main.cancel("from outside");
            });
            yieldNow(); // the canceller's sleep starts first, so it wakes between the expiry and main's resumption
            try {
                scope("scope", timeout(SECOND), () -> sleep(Duration.ofSeconds(5)));
            } catch (CancelledException e) {
                log.add("main got a cancellation, cancelling " + main.cancelling());
                main.uncancel();
            }
        });
        assertThat(log).containsExactly("scope let a cancellation through, expired true at 1 s",
                "main got a cancellation, cancelling 1");
    }

    @Test
    void rescheduleMovesTheDeadline() {
        runVoidRescheduling();
        assertThat(log).containsExactly("when 1 s", "when 4 s",
                "slept 3 s at 3 s", "timed out at 4 s");
    }

    private void runVoidRescheduling() {
        loop.runUntilComplete(loop.createTask("rescheduling", Coroutine.ofVoid(() -> {
            Timeout t = timeout(SECOND);
            try {
                t.run(() -> {
                    log.add("when " + t.when());
                    t.reschedule(t.when().plus(Duration.ofSeconds(3)));
                    log.add("when " + t.when());
                    sleep(Duration.ofSeconds(3));
                    logAt("slept 3 s");
                    sleep(Duration.ofSeconds(3));
                });
            } catch (SimTimeoutException e) {
                logAt("timed out");
            }
        })));
    }

    @Test
    void rescheduleToNullRemovesTheDeadline() {
        runVoid(() -> {
            Timeout t = timeout(SECOND);
            t.run(() -> {
                t.reschedule(null);
                sleep(Duration.ofSeconds(5));
                logAt("slept 5 s, when " + t.when());
            });
        });
        assertThat(log).containsExactly("slept 5 s, when null at 5 s");
    }

    @Test
    void rescheduleOutsideTheScopeIsAnError() {
        runVoid(() -> {
            Timeout t = timeout(SECOND);
            assertThatThrownBy(() -> t.reschedule(LoopInstant.START)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("This Timeout has not been entered: reschedule it from inside call(...) or run(...).");
            t.run(() -> { });
            assertThatThrownBy(() -> t.reschedule(LoopInstant.START)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot reschedule a Timeout that is finished: its deadline already passed or its "
                            + "scope ended.");
            assertThatThrownBy(() -> t.run(() -> { })).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("This Timeout was already entered");
        });
    }

    @Test
    void anotherFailureAfterTheExpiryKeepsItsTypeAndCarriesTheTimeoutAsSuppressed() {
        runVoid(() -> {
            try {
                timeout(SECOND).run(() -> {
                    try {
                        sleep(Duration.ofSeconds(5));
                    } catch (CancelledException e) {
                        throw new IllegalStateException("cleanup failed");
                    }
                });
            } catch (IllegalStateException e) {
                logAt(e.getMessage() + ", suppressed " + e.getSuppressed()[0].getClass().getSimpleName());
            }
        });
        assertThat(log).containsExactly("cleanup failed, suppressed SimTimeoutException at 1 s");
    }

    @Test
    void aFailureOfTheBodyBeforeTheDeadlinePassesUnchanged() {
        runVoid(() -> {
            Timeout t = timeout(SECOND);
            try {
                t.run(() -> {
                    throw new IllegalArgumentException("body failed");
                });
            } catch (IllegalArgumentException e) {
                log.add(e.getMessage() + ", expired " + t.expired() + ", suppressed " + e.getSuppressed().length);
            }
        });
        assertThat(log).containsExactly("body failed, expired false, suppressed 0");
    }

    @Test
    void aCancelFromInsideBeforeTheDeadlineStaysACancellation() {
        runVoid(() -> {
            try {
                scope("scope", timeout(Duration.ofSeconds(10)), () -> {
                    currentTask().cancel();
                    sleep(Duration.ofSeconds(5));
                });
            } catch (CancelledException e) {
                currentTask().uncancel();
            }
        });
        assertThat(log).containsExactly("scope let a cancellation through, expired false at 0 s");
    }

    @Test
    void aScopeInCleanupAfterACaughtCancellationStillTimesOut() {
        // CPython's test_timeout_after_cancellation: the task is still cancelling (1) when the scope is entered,
        // so only requests above that count are someone else's.
        runVoid(() -> {
            try {
                currentTask().cancel();
                sleep(SECOND);
            } catch (CancelledException e) {
                log.add("caught, cancelling " + currentTask().cancelling());
            } finally {
                try {
                    scope("cleanup", timeout(Duration.ZERO), () -> sleep(SECOND));
                } catch (SimTimeoutException expected) {
                    log.add("cancelling " + currentTask().cancelling());
                }
                currentTask().uncancel();
            }
        });
        assertThat(log).containsExactly("caught, cancelling 1", "cleanup timed out, expired true at 0 s",
                "cancelling 1");
    }
}

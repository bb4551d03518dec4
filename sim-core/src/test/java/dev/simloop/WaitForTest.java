package dev.simloop;

import static dev.simloop.Sim.currentTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** waitFor as CPython 3.12+'s wait_for, built on the timeout scope. */
class WaitForTest extends LoopTestBase {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private Task<String> sleeper(Duration d) {
        return Sim.createTask("sleeper", Coroutine.of(() -> {
            try {
                sleep(d);
                return "slept";
            } catch (CancelledException e) {
                logAt("sleeper cancelled");
                throw e;
            }
        }));
    }

    @Test
    void aTaskThatTakesTooLongIsCancelledAndTheCallerTimesOut() {
        runVoid(() -> {
            Task<String> t = sleeper(Duration.ofSeconds(10));
            try {
                waitFor(t, SECOND);
            } catch (SimTimeoutException e) {
                logAt("timed out");
                log.add("sleeper cancelled: " + t.isCancelled() + ", main cancelling " + currentTask().cancelling());
            }
        });
        assertThat(log).containsExactly("sleeper cancelled at 1 s", "timed out at 1 s",
                "sleeper cancelled: true, main cancelling 0");
    }

    @Test
    void aResultInTimeIsReturned() {
        assertThat(run(() -> waitFor(sleeper(SECOND), Duration.ofSeconds(2)))).isEqualTo("slept");
    }

    @Test
    void aCoroutineRunsInTheCallersTask() {
        assertThat(run(() -> waitFor(Coroutine.of(() -> currentTask().name()), SECOND))).isEqualTo("main");
    }

    @Test
    void aZeroTimeoutCancelsAPendingTaskAndWaitsForIt() {
        runVoid(() -> {
            Task<String> t = sleeper(SECOND);
            try {
                waitFor(t, Duration.ZERO);
            } catch (SimTimeoutException e) {
                logAt("timed out");
                log.add(e.getMessage());
            }
        });
        assertThat(log).containsExactly("timed out at 0 s",
                "waitFor timed out: a timeout of 0 s of virtual time leaves no time to wait; task 'sleeper' was "
                        + "cancelled.");
    }

    @Test
    void aZeroTimeoutGivesTheResultOfATaskAlreadyDone() {
        String r = run(() -> {
            Task<String> t = sleeper(Duration.ZERO);
            Sim.await(t);
            return waitFor(t, Duration.ZERO);
        });
        assertThat(r).isEqualTo("slept");
    }

    @Test
    void noTimeoutWaitsAsLongAsItTakes() {
        assertThat(run(() -> {
            String r = waitFor(sleeper(Duration.ofHours(1)), null);
            return r + " at " + now();
        })).isEqualTo("slept at 3600 s");
    }

    @Test
    void aCoroutineThatCatchesTheTimeoutsCancellationReturnsItsValue() {
        // As asyncio 3.12+: the timeout scope sees the body return normally, so nothing is raised.
        String r = run(() -> waitFor(Coroutine.of(() -> {
            try {
                sleep(Duration.ofSeconds(10));
                return "finished";
            } catch (CancelledException e) {
                logAt("cancelled by the timeout");
                return "partial";
            }
        }), SECOND));
        assertThat(r).isEqualTo("partial");
        assertThat(log).containsExactly("cancelled by the timeout at 1 s");
    }
}

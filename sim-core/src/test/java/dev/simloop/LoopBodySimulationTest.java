package dev.simloop;

import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Simulation.ofLoop: a sweep over a test that drives its loop from outside, with everything Simulation.of offers. */
class LoopBodySimulationTest {

    /**
     * Two tasks increment a counter with a read, a yield and a write; the second starts two yields late, so FIFO
     * passes and a reordering loses an update. The test drives the loop with advanceBy and checks from a scheduled
     * executor and the loop's clock.
     */
    private static void lostUpdate(EventLoop loop) {
        int[] counter = {0};
        String[] seen = {null};
        loop.createTask("a", Coroutine.ofVoid(() -> {
            int read = counter[0];
            yieldNow();
            counter[0] = read + 1;
        }));
        loop.createTask("b", Coroutine.ofVoid(() -> {
            yieldNow();
            yieldNow();
            int read = counter[0];
            yieldNow();
            counter[0] = read + 1;
        }));
        loop.scheduledExecutor().schedule(() -> {
            seen[0] = "counter " + counter[0] + " at " + loop.clock().millis() + " ms";
        }, 1, TimeUnit.SECONDS);
        loop.advanceBy(Duration.ofSeconds(2));
        if (!"counter 2 at 1000 ms".equals(seen[0])) {
            throw new AssertionError("lost update: " + seen[0]);
        }
    }

    @Test
    void fifoPassesAndASweepFindsShrinksAndChecksDeterminismOnTwoThreads() {
        Simulation sim = Simulation.ofLoop(LoopBodySimulationTest::lostUpdate);
        assertThat(sim.policy(Policy.FIFO).run(0).failed()).isFalse();
        SweepResult r = sim.seeds(7, 40).threads(2).checkDeterminism(true).sweep();
        assertThat(r.failures()).isNotEmpty();
        RunResult first = r.firstFailure().orElseThrow();
        assertThat(first.failure()).isInstanceOf(AssertionError.class)
                .hasMessage("lost update: counter 1 at 1000 ms");
        RunResult shrunk = r.shrunk().orElseThrow();
        assertThat(shrunk.failure()).hasMessage("lost update: counter 1 at 1000 ms");
        assertThat(shrunk.decisions().departures()).isEqualTo(2);
        assertThat(sim.replay(shrunk.decisions()).failure()).hasMessage("lost update: counter 1 at 1000 ms");
    }

    /** A sweep tells its listener of every run it makes, up to the first failure, in seed order on one thread. */
    @Test
    void aSweepTellsItsListenerOfEachRun() {
        java.util.List<String> told = new java.util.ArrayList<>();
        Simulation.ofLoop(loop -> {}).seeds(7, 3).onRun(run -> told.add(Seeds.format(run.seed()) + " "
                + (run.failed() ? "failed" : "passed"))).sweep();
        Simulation.ofLoop(LoopBodySimulationTest::lostUpdate).seeds(7, 40).onRun(run -> told.add(
                Seeds.format(run.seed()) + " " + (run.failed() ? "failed" : "passed"))).sweep();
        assertThat(told).containsExactly(Seeds.format(Seeds.of(7, 0)) + " passed",
                Seeds.format(Seeds.of(7, 1)) + " passed", Seeds.format(Seeds.of(7, 2)) + " passed",
                Seeds.format(Seeds.of(7, 0)) + " failed");
    }

    @Test
    void pctLearnsItsStepCountFromTheLoopBody() {
        Simulation sim = Simulation.ofLoop(LoopBodySimulationTest::lostUpdate).policy(Policy.pct(2));
        assertThat(sim.resolvedPolicy().toString()).isEqualTo(Policy.pct(2, 8).toString());
        assertThat(sim.seeds(1, 200).sweep().failures()).isNotEmpty();
    }

    @Test
    void tasksLeftPendingAreCancelledAndAThrowingCallbackFailsTheRun() {
        Simulation sim = Simulation.ofLoop(loop -> {
            loop.createTask("forever", Coroutine.ofVoid(() -> Sim.sleep(Duration.ofDays(1))));
            loop.callSoon(() -> {
                throw new IllegalStateException("callback broke");
            });
            loop.runCurrent();
        });
        RunResult r = sim.run(3);
        assertThat(r.failure()).isInstanceOf(LoopProblemException.class)
                .hasMessageContaining("A callback threw at virtual time 0 s")
                .hasRootCauseMessage("callback broke");
    }
}

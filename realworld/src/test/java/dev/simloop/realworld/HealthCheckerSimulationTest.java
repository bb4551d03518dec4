package dev.simloop.realworld;

import static dev.simloop.realworld.HealthCheckSimulation.simulation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.RunResult;
import dev.simloop.SweepResult;
import org.junit.jupiter.api.Test;

/** The health checker's own code, under simulation: seeded latency and faults, a planted bug found by seed. */
class HealthCheckerSimulationTest {

    @Test
    void theCheckerPassesEverySeedWithLatencyAndFaults() {
        SweepResult r = simulation(false).sweep();
        assertThat(r.failures()).isEmpty();
        assertThat(r.runs()).isEqualTo(200);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void thePlantedBugIsFoundBySeedIndex70AndReplays() {
        SweepResult r = simulation(true).sweep();
        RunResult first = r.firstFailure().orElseThrow();
        assertThat(first.index()).isEqualTo(70);
        assertThat(simulation(true).run(first.seed()).index()).isEqualTo(-1);
        assertThat(r.runs()).isEqualTo(71);
        assertThat(first.failure()).isInstanceOf(AssertionError.class).hasMessage("2 half-open trials in flight at "
                + "2783 ms (request to /flaky): the breaker must let one through");
        RunResult again = simulation(true).run(first.seed());
        assertThat(again.failure()).hasMessage(first.failure().getMessage());
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void theSameBugIsInvisibleUnderFifoWhereNoFaultIsInjected() {
        assertThat(simulation(true).policy(dev.simloop.Policy.FIFO).sweep().failures()).isEmpty();
    }
}

package dev.simloop.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Coroutine;
import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Sim;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health checker's own code, under simulation: seeded latency and faults, a planted bug found by seed. */
class HealthCheckerSimulationTest {

    private static final long BASE = 42;
    private static final List<String> PATHS = List.of("/ok", "/flaky", "/down", "/hang");

    /** The real run's component and settings, over the fake transport, for 20 rounds of a few seconds each. */
    static Coroutine<Map<String, List<HealthChecker.Outcome>>> checkOnce(boolean plantedBug) {
        return Coroutine.of("main", () -> {
            List<String> audit = new ArrayList<>();
            CircuitBreaker breaker = new CircuitBreaker(Sim.currentLoop(), 3, Duration.ofMillis(500), audit::add,
                    plantedBug);
            HealthChecker checker = new HealthChecker(new FakeTransport(breaker), breaker, HealthCheckMain.REAL);
            Map<String, List<HealthChecker.Outcome>> report = Sim.await(checker.run(PATHS, 20));
            for (List<HealthChecker.Outcome> outcomes : report.values()) {
                assertThat(outcomes).hasSize(20);
            }
            return report;
        });
    }

    private static Simulation simulation(boolean plantedBug) {
        return Simulation.of(() -> checkOnce(plantedBug)).policy(Policy.random()).seeds(BASE, 200).shrink(false);
    }

    private static int indexOf(long seed) {
        for (int i = 0; ; i++) {
            if (Simulation.seedOf(BASE, i) == seed) {
                return i;
            }
        }
    }

    @Test
    void theCheckerPassesEverySeedWithLatencyAndFaults() {
        SweepResult r = simulation(false).sweep();
        assertThat(r.failures()).isEmpty();
        assertThat(r.runs()).isEqualTo(200);
    }

    @Test
    void thePlantedBugIsFoundByASeedAndReplays() {
        SweepResult r = simulation(true).sweep();
        RunResult first = r.firstFailure().orElseThrow();
        assertThat(indexOf(first.seed())).isEqualTo(11);
        assertThat(r.runs()).isEqualTo(12);
        assertThat(first.failure()).isInstanceOf(AssertionError.class).hasMessage("2 half-open trials in flight at "
                + "1717 ms (request to /ok): the breaker must let one through");
        RunResult again = simulation(true).run(first.seed());
        assertThat(again.failure()).hasMessage(first.failure().getMessage());
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    }
}

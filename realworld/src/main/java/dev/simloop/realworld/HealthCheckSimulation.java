package dev.simloop.realworld;

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
import org.apiguardian.api.API;

/**
 * The simulated run: the same {@link HealthChecker} and {@link CircuitBreaker} as {@link HealthCheckMain}, over a
 * {@link FakeTransport} with seeded latency and faults, swept over seeds; the planted bug is found by seed and replays.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HealthCheckSimulation {
    private HealthCheckSimulation() {}

    /** The base seed of the sweeps. */
    static final long BASE = 42;
    /** The seeds of each sweep. */
    static final int SEEDS = 200;
    static final List<String> PATHS = List.of("/ok", "/flaky", "/down", "/hang");

    /** One run: the real run's component and settings over the fake transport, 20 probes of each path. */
    static Coroutine<Map<String, List<HealthChecker.Outcome>>> checkOnce(boolean plantedBug) {
        return Coroutine.of("main", () -> {
            List<String> audit = new ArrayList<>();
            CircuitBreaker breaker = new CircuitBreaker(Sim.currentLoop(), 3, Duration.ofMillis(500), audit::add,
                    plantedBug);
            HealthChecker checker = new HealthChecker(new FakeTransport(breaker), breaker, HealthCheckMain.REAL);
            Map<String, List<HealthChecker.Outcome>> report = Sim.await(checker.run(PATHS, 20));
            report.forEach((path, outcomes) -> {
                if (outcomes.size() != 20) {
                    throw new AssertionError(path + " was probed " + outcomes.size() + " times, not 20");
                }
            });
            return report;
        });
    }

    /** The sweep of {@link #SEEDS} seeds from {@link #BASE} under RANDOM, without shrinking. */
    static Simulation simulation(boolean plantedBug) {
        return Simulation.of(() -> checkOnce(plantedBug)).policy(Policy.random()).seeds(BASE, SEEDS).shrink(false);
    }

    public static void main(String[] args) {
        System.out.println("healthcheck: simulation, " + SEEDS + " seeds from base " + BASE + " under RANDOM, paths "
                + PATHS + ", fake transport with seeded latency and faults");
        SweepResult correct = simulation(false).sweep();
        System.out.println("  correct breaker: " + correct.runs() + " runs, " + correct.failures().size()
                + " failed, " + correct.decisions() + " decisions");
        SweepResult buggy = simulation(true).sweep();
        RunResult first = buggy.firstFailure().orElseThrow(() -> new AssertionError("the planted bug was not found"));
        System.out.println("  planted bug:     found by seed index " + first.index() + " after "
                + buggy.runs() + " runs: " + first.describe().lines().findFirst().orElseThrow());
        RunResult again = simulation(true).run(first.seed());
        System.out.println("  replay:          same failure " + (again.failed()
                && again.failure().getMessage().equals(first.failure().getMessage())) + ", same trace fingerprint "
                + (again.fingerprint() == first.fingerprint()));
    }
}

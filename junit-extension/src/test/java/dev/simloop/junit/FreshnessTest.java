package dev.simloop.junit;

import static dev.simloop.junit.Fixtures.failure;
import static dev.simloop.junit.Fixtures.failures;
import static dev.simloop.junit.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Decisions;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.Events;

/**
 * Every seed gets a fresh loop and fresh parameters; the fast mode shares the test instance and one round of
 * {@code @BeforeEach}, with {@link BeforeEachSeed} before each seed; per-seed invocations get all of them afresh.
 */
class FreshnessTest {

    private static final Class<?> FIXTURE = FreshnessFixturesTestCase.class;

    @BeforeEach
    void clear() {
        FreshnessFixturesTestCase.EVENTS.clear();
        FreshnessFixturesTestCase.INSTANCES.set(0);
    }

    /** The FIFO run a sweep under a sampling policy makes first to learn the test's step count k (seed 0). */
    private static final String STEP_COUNT_RUN = "0x0000000000000000";

    private static String seed(int i) {
        return Seeds.format(Seeds.of(SeedPlan.BASE, i));
    }

    @Test
    void theFastModeSharesTheInstanceAndRunsTheHookBeforeEachSeed() {
        assertThat(failures(run(FIXTURE, "allSeedsInOneInvocation"))).isEmpty();
        assertThat(FreshnessFixturesTestCase.EVENTS).containsExactly("beforeEach 1",
                "beforeEachSeed 1 " + STEP_COUNT_RUN, "body 1 " + STEP_COUNT_RUN,
                "beforeEachSeed 1 " + seed(0), "body 1 " + seed(0),
                "beforeEachSeed 1 " + seed(1), "body 1 " + seed(1),
                "beforeEachSeed 1 " + seed(2), "body 1 " + seed(2),
                "afterEach 1");
    }

    @Test
    void perSeedInvocationsGetTheirOwnInstanceAndBeforeEach() {
        Events events = run(FIXTURE, "oneInvocationPerSeed");
        assertThat(failures(events)).isEmpty();
        assertThat(FreshnessFixturesTestCase.EVENTS).containsExactly(
                "beforeEach 1", "beforeEachSeed 1 " + STEP_COUNT_RUN, "body 1 " + STEP_COUNT_RUN,
                "beforeEachSeed 1 " + seed(0), "body 1 " + seed(0), "afterEach 1",
                "beforeEach 2", "beforeEachSeed 2 " + seed(1), "body 2 " + seed(1), "afterEach 2");
        List<String> names = events.started().list().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .filter(n -> n.startsWith("seed ")).toList();
        assertThat(names).containsExactly("seed " + seed(0), "seed " + seed(1));
    }

    @Test
    void theLoopItsRandomSourceAndTraceAreInjected() {
        assertThat(failures(run(FIXTURE, "injectsTheRunsParameters"))).isEmpty();
    }

    @Test
    void aLoopCannotBeInjectedIntoBeforeEach() {
        assertThat(failure(run(BeforeEachLoopTestCase.class, "test")))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("Configuration error: a simloop EventLoop can be injected into test methods "
                        + "(and @BeforeEachSeed methods) only, not into void dev.simloop.junit.BeforeEachLoopTestCase"
                        + ".setUp(dev.simloop.EventLoop): each test, and each seed of a @SimTest, gets its own.");
    }
}

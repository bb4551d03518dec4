package dev.simloop.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Decisions;
import dev.simloop.EventLoop;
import dev.simloop.Seeds;
import dev.simloop.Trace;
import dev.simloop.TraceEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What each seed gets afresh, run through the EngineTestKit by {@link FreshnessTest}; not run on its own. */
class FreshnessFixturesTestCase {

    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int instance = INSTANCES.incrementAndGet();
    /** State a seed leaves behind on a shared instance; reset per seed. */
    private int runsSinceReset;

    @BeforeEach
    void beforeEach() {
        EVENTS.add("beforeEach " + instance);
    }

    @AfterEach
    void afterEach() {
        EVENTS.add("afterEach " + instance);
    }

    @BeforeEachSeed
    void resetPerSeed(EventLoop loop) {
        runsSinceReset = 0;
        EVENTS.add("beforeEachSeed " + instance + " " + Seeds.format(loop.seed()));
    }

    private void body(EventLoop loop) {
        runsSinceReset++;
        assertThat(runsSinceReset).as("runs since the per-seed reset").isEqualTo(1);
        assertThat(loop.time()).isZero();
        assertThat(loop.stepCount()).isEqualTo(1);
        EVENTS.add("body " + instance + " " + Seeds.format(loop.seed()));
    }

    @SimTest(seeds = 3, policy = "RANDOM")
    void allSeedsInOneInvocation(EventLoop loop) {
        body(loop);
    }

    @SimTest(seeds = 2, policy = "RANDOM", perSeedInvocations = true)
    void oneInvocationPerSeed(EventLoop loop) {
        body(loop);
    }

    @SimTest
    void injectsTheRunsParameters(EventLoop loop, RandomGenerator random, Supplier<Trace> trace, Clock clock) {
        assertThat(random).isSameAs(loop.random());
        dev.simloop.Sim.sleep(java.time.Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(java.time.Instant.parse("1970-01-01T01:30:00Z"));
        loop.mark("hello");
        assertThat(trace.get().events()).filteredOn(e -> e.kind() == TraceEvent.Kind.MARK)
                .extracting(TraceEvent::detail).containsExactly("hello");
    }
}

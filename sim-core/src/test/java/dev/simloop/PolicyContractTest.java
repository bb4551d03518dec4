package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every policy keeps: causality, time that never goes back, and runs that are functions of (seed, policy). */
class PolicyContractTest {

    /** Tasks that sleep, yield and wait on each other, with timers due at the same instants. */
    private static Coroutine<List<String>> busy() {
        return Coroutine.of("main", () -> {
            List<String> log = new ArrayList<>();
            SimFuture<String> handoff = Sim.currentLoop().createFuture("handoff");
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                tasks.add(createTask("w" + n, Coroutine.ofVoid(() -> {
                    for (int turn = 0; turn < 3; turn++) {
                        sleep(Duration.ofMillis(10 * (turn % 2 + 1)));
                        log.add("w" + n + "." + turn);
                        yieldNow();
                    }
                    if (n == 0) {
                        handoff.setResult("from w0");
                    }
                })));
            }
            tasks.add(createTask("reader", Coroutine.ofVoid(() -> log.add("reader got " + await(handoff)))));
            for (Task<Void> t : tasks) {
                await(t);
            }
            return log;
        });
    }

    @Test
    void everyPolicyKeepsTimeMonotonicAndResumesOnlyWhatWasReady() {
        for (Policy policy : List.of(Policy.random(), Policy.pos(), Policy.pct(3), Policy.portfolio(0))) {
            SweepResult r = Simulation.of(PolicyContractTest::busy).policy(policy).seeds(11, 40)
                    .stopAtFirstFailure(false).sweep();
            assertThat(r.failures()).as(policy.toString()).isEmpty();
            assertThat(r.decisions()).as(policy.toString()).isPositive();
            for (int i = 0; i < 40; i++) {
                Trace trace = Simulation.of(PolicyContractTest::busy).policy(policy).run(Seeds.of(11, i))
                        .trace();
                long time = 0;
                for (TraceEvent e : trace.events()) {
                    assertThat(e.time()).isGreaterThanOrEqualTo(time);
                    time = e.time();
                }
                // The reader resumes only after w0 completed the hand-off, in a later step.
                long handoffStep = trace.events().stream()
                        .filter(e -> e.taskName() != null && e.taskName().equals("w0")
                                && e.kind() == TraceEvent.Kind.FINISHED_RESULT)
                        .findFirst().orElseThrow().step();
                long readerResumed = trace.events().stream()
                        .filter(e -> "reader".equals(e.taskName()) && e.kind() == TraceEvent.Kind.RESUMED)
                        .findFirst().orElseThrow().step();
                assertThat(readerResumed).isGreaterThan(handoffStep);
            }
        }
    }

    @Test
    void theSameSeedAndPolicyGiveTheSameRun() {
        for (Policy policy : List.of(Policy.FIFO, Policy.random(), Policy.pos(), Policy.pct(2),
                Policy.portfolio(0))) {
            Simulation sim = Simulation.of(PolicyContractTest::busy).policy(policy);
            RunResult a = sim.run(0xDEC0DEL);
            RunResult b = sim.run(0xDEC0DEL);
            assertThat(a.trace().firstDifference(b.trace())).isEqualTo(-1);
            assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
            assertThat(a.decisions()).isEqualTo(b.decisions());
        }
    }

    @Test
    void thePortfolioNamesThePolicyItDrewForTheRun() {
        Simulation sim = Simulation.of(PolicyContractTest::busy).policy(Policy.portfolio(0));
        List<String> drawn = new ArrayList<>();
        for (long seed = 0; seed < 6; seed++) {
            drawn.add(sim.run(seed).policy());
        }
        assertThat(drawn).containsExactly("PORTFOLIO:PCT(depth=3, k=45)", "PORTFOLIO:POS",
                "PORTFOLIO:PCT(depth=3, k=45)", "PORTFOLIO:PCT(depth=3, k=45)", "PORTFOLIO:PCT(depth=3, k=45)",
                "PORTFOLIO:PCT(depth=2, k=45)");
    }

    @Test
    void policiesParseFromConfiguration() {
        assertThat(Policy.parse("fifo")).isSameAs(Policy.FIFO);
        assertThat(Policy.parse("Random")).isSameAs(Policy.random());
        assertThat(Policy.parse("POS")).isSameAs(Policy.pos());
        assertThat(Policy.parse("pct( 3 )")).hasToString("PCT(depth=3)");
        assertThat(Policy.parse("portfolio")).hasToString("PORTFOLIO");
        assertThatThrownBy(() -> Policy.parse("PCT")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: 'PCT' is not a policy: use FIFO, RANDOM, POS, PORTFOLIO or "
                        + "PCT(depth), for example PCT(3), optionally followed by /iteration for asyncio's per-iteration scope, "
                        + "for example RANDOM/iteration.");
    }

    @Test
    void sweepSettingsMustBeSensible() {
        Simulation sim = Simulation.of(PolicyContractTest::busy);
        assertThatThrownBy(() -> sim.seeds(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: a sweep needs at least 1 seed, was 0.");
        assertThatThrownBy(() -> sim.threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: threads must be at least 1, was 0.");
        assertThatThrownBy(() -> Simulation.of(null)).isInstanceOf(NullPointerException.class).hasMessage("body");
    }
}

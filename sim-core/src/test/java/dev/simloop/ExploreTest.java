package dev.simloop;

import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Systematic search through the public API: its guarantee line, its failure report, its limits, written schedules. */
class ExploreTest {

    /**
     * Main starts a, b and c, each appending its name in one step, then sleeps while they run; fails if c ran first.
     * By hand: with at most 1 delay the orders are abc, bac, bca (b passes over a once; a then waits for free) and acb
     * (c passes over b): 4 schedules. c first passes over a and b: 2 delays, so cab and cba need a bound of 2.
     */
    private static Coroutine<Void> cMustNotRunFirst() {
        return Coroutine.ofVoid("main", () -> {
            StringBuilder order = new StringBuilder();
            for (String name : List.of("a", "b", "c")) {
                createTask(name, Coroutine.ofVoid(() -> order.append(name)));
            }
            sleep(Duration.ofSeconds(1));
            if (order.charAt(0) == 'c') {
                throw new AssertionError("c ran first: " + order);
            }
        });
    }

    private static final Simulation SIMULATION = Simulation.of(ExploreTest::cMustNotRunFirst);

    @Test
    void aCompleteSearchThatFindsNothingIsAGuarantee() {
        ExploreResult r = SIMULATION.explore(1);
        assertThat(r.failed()).isFalse();
        assertThat(r.complete()).isTrue();
        assertThat(r.schedules()).isEqualTo(4);
        assertThat(r.report()).isEqualTo("All 4 schedules with at most 1 delay pass.");
        assertThat(SIMULATION.explore(0).report()).isEqualTo("All 1 schedule with at most 0 delays pass.");
        r.orThrow();
    }

    @Test
    void aFailingScheduleIsReportedWithItsDelaysAndALineThatReplaysIt() {
        ExploreResult r = SIMULATION.explore(2);
        RunResult failure = r.failure().orElseThrow();
        assertThat(r.complete()).isFalse();
        assertThat(r.schedules()).isEqualTo(4);
        assertThat(failure.failure()).hasMessage("c ran first: cab");
        assertThat(failure.decisions().delays()).isEqualTo(2);
        assertThat(r.shrunk()).containsSame(failure);
        assertThat(failure.decisions().toLine()).isEqualTo(
                "seed=" + Seeds.format(Seeds.of(0, 0)) + " scope=step picks=2/3");
        assertThat(r.report()).startsWith("Schedule 4 of the search with at most 2 delays fails:\n"
                + "seed " + Seeds.format(Seeds.of(0, 0)) + ", policy REPLAY(SEARCH): failed with "
                + "java.lang.AssertionError: c ran first: cab\n"
                + "  7 steps, virtual time 1 s, 2 decisions, 2 delays (steps 2, 2) from FIFO, trace fingerprint ")
                .contains("\n  replay: simulation.replay(Decisions.parse(\"seed=0x")
                .contains("\nInterleaving:\n| step | time | main");
        RunResult replayed = SIMULATION.replay(Decisions.parse(failure.decisions().toLine()));
        assertThat(replayed.fingerprint()).isEqualTo(failure.fingerprint());
        assertThatThrownBy(r::orThrow).isInstanceOf(AssertionError.class).hasMessage(r.report())
                .hasCauseReference(failure.failure());
    }

    @Test
    void aSearchStoppedByItsLimitSaysItIsNoGuarantee() {
        ExploreResult r = SIMULATION.searchLimits(3, Duration.ofMinutes(1)).explore(1);
        assertThat(r.complete()).isFalse();
        assertThat(r.failed()).isFalse();
        assertThat(r.schedules()).isEqualTo(3);
        assertThat(r.report()).isEqualTo("No failure in 3 schedules with at most 1 delay, but the search stopped at "
                + "its limit of 3 schedules before it covered them all: this is no guarantee. Raise the limits "
                + "(Simulation.searchLimits) or lower the delay bound.");
        assertThatThrownBy(() -> SIMULATION.explore(-1)).hasMessage("Configuration error: the delay bound must be at "
                + "least 0, was -1.");
        assertThatThrownBy(() -> SIMULATION.searchLimits(0, Duration.ofSeconds(1))).hasMessage("Configuration "
                + "error: a search needs at least 1 schedule and a positive time, was 0 schedules and PT1S.");
    }

    @Test
    void aWrittenScheduleReplaysAndReadsBackFromItsLine() {
        RunResult r = SIMULATION.replay(Decisions.of(Seeds.of(0, 0), 2));
        assertThat(r.failure()).hasMessage("c ran first: cab");
        assertThat(r.decisions().delays()).isEqualTo(2);
        Decisions parsed = Decisions.parse("seed=0x5 scope=iteration picks=1/3, 0 2/2");
        assertThat(parsed.seed()).isEqualTo(5);
        assertThat(parsed.perIteration()).isTrue();
        assertThat(parsed.size()).isEqualTo(3);
        assertThat(List.of(parsed.choice(0), parsed.choice(1), parsed.choice(2))).containsExactly(1, 0, 2);
        assertThat(parsed.options(1)).isZero();
        assertThat(parsed.toLine()).isEqualTo("seed=0x0000000000000005 scope=iteration picks=1/3 0 2/2");
        assertThat(Decisions.parse(Decisions.of(7, 1, 0).toLine())).isEqualTo(Decisions.of(7, 1));
        assertThat(Decisions.of(7, 0, 2, 0).toLine()).isEqualTo("seed=0x0000000000000007 scope=step picks=0 2");
        assertThatThrownBy(() -> Decisions.parse("picks=1")).hasMessage("'picks=1' is not a schedule: it must start "
                + "with seed= and have picks=. Write it as: seed=0x00000000000000ab scope=step picks=0 1/3 0.");
        assertThatThrownBy(() -> Decisions.parse("seed=0x1 scope=later picks=1")).hasMessage("'scope=later' is not "
                + "scope=step or scope=iteration. Write it as: seed=0x00000000000000ab scope=step picks=0 1/3 0.");
        assertThatThrownBy(() -> Decisions.parse("seed=0x1 picks=1 x")).hasMessage("Pick 2 'x' is not an index or "
                + "index/options. Write it as: seed=0x00000000000000ab scope=step picks=0 1/3 0.");
        assertThatThrownBy(() -> Decisions.of(1, -1)).hasMessage("A pick is an index among the ready callbacks, at "
                + "least 0, was -1.");
    }

    @Test
    void preemptionBoundingLetsAnyReadyTaskCutInForOnePreemption() {
        ExploreResult r = SIMULATION.explorePreemptions(1);
        RunResult failure = r.failure().orElseThrow();
        assertThat(failure.failure()).hasMessage("c ran first: cab");
        assertThat(r.schedules()).isEqualTo(3);
        assertThat(r.report()).startsWith("Schedule 3 of the search with at most 1 preemption fails:\n");
        assertThat(failure.decisions().delays()).isEqualTo(2);
        assertThat(SIMULATION.replay(Decisions.parse(failure.decisions().toLine())).fingerprint())
                .isEqualTo(failure.fingerprint());
        assertThat(SIMULATION.explorePreemptions(0).report()).isEqualTo("All 1 schedule with at most 0 preemptions "
                + "pass.");
        assertThatThrownBy(() -> SIMULATION.explorePreemptions(-1)).hasMessage("Configuration error: the preemption "
                + "bound must be at least 0, was -1.");
    }
}

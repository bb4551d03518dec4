package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The policies find small concurrency bugs; every seed and count is exact for the fixed base seeds. */
class BugFindingTest {

    private static final long BASE = 1;

    private static List<Integer> failingIndices(SweepResult r, long base) {
        List<Integer> indices = r.failures().stream().map(RunResult::index).toList();
        assertThat(r.failures()).allSatisfy(f -> assertThat(Seeds.of(base, f.index())).isEqualTo(f.seed()));
        return indices;
    }

    private static SweepResult lostUpdateSweep(Policy policy) {
        return Simulation.of(Scenarios::lostUpdate).policy(policy).seeds(BASE, 20).stopAtFirstFailure(false)
                .shrink(false).sweep();
    }

    @Test
    void fifoNeverFindsTheLostUpdateAndSaysItExploredNothing() {
        SweepResult r = lostUpdateSweep(Policy.FIFO);
        assertThat(r.failures()).isEmpty();
        assertThat(r.runs()).isEqualTo(20);
        assertThat(r.decisions()).isZero();
        assertThat(r.warnings()).containsExactly("The sweep explored nothing: in 20 runs under FIFO no step ever had "
                + "two or more ready callbacks to choose from, so every run took the same order. Let tasks run "
                + "concurrently (create them before awaiting them) for seeds to matter.");
    }

    @Test
    void randomFindsTheLostUpdateWithinTheFirst20Seeds() {
        SweepResult r = lostUpdateSweep(Policy.random());
        assertThat(failingIndices(r, BASE)).containsExactly(1, 3, 4, 5, 6, 14, 16, 17, 18);
        assertThat(r.decisions()).isEqualTo(82);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void pctFindsTheLostUpdateWithinTheFirst20Seeds() {
        SweepResult r = lostUpdateSweep(Policy.pct(3));
        assertThat(failingIndices(r, BASE)).containsExactly(4, 14, 18);
        assertThat(r.firstFailure().orElseThrow().policy()).isEqualTo("PCT(depth=3, k=9)");
    }

    @Test
    void posAndPortfolioFindTheLostUpdateToo() {
        assertThat(failingIndices(lostUpdateSweep(Policy.pos()), BASE)).containsExactly(6, 11, 12, 14, 17);
        assertThat(failingIndices(lostUpdateSweep(Policy.portfolio(0)), BASE)).containsExactly(5, 11, 18);
    }

    @Test
    void aSweepStopsAtItsFirstFailureAndShrinksItToOneDelayFromFifo() {
        SweepResult r = Simulation.of(Scenarios::lostUpdate).seeds(BASE, 20).sweep();
        RunResult first = r.firstFailure().orElseThrow();
        assertThat(r.runs()).isEqualTo(2);
        assertThat(first.failure()).hasMessage("lost update: counter is 1, expected 2");
        RunResult shrunk = r.shrunk().orElseThrow();
        assertThat(shrunk.decisions().delays()).isEqualTo(1);
        assertThat(shrunk.decisions().departures()).isEqualTo(1);
        assertThat(shrunk.failure()).hasMessage("lost update: counter is 1, expected 2");
        assertThat(shrunk.policy()).isEqualTo("REPLAY(RANDOM)");
        assertThat(r.report()).startsWith("""
                2 runs under RANDOM from base seed 0x0000000000000001: 1 failed, 8 decisions.
                First failure:
                seed 0xbeeb8da1658eec67, policy RANDOM: failed with java.lang.AssertionError: lost update: counter is \
                1, expected 2
                  8 steps, virtual time 0 s, 4 decisions, 2 delays (steps 2, 5) from FIFO, trace fingerprint \
                0xc9bf87c69ee918fb
                  replay: simulation.run(0xbeeb8da1658eec67L)
                Shrunk:
                seed 0xbeeb8da1658eec67, policy REPLAY(RANDOM): failed with java.lang.AssertionError: lost update: \
                counter is 1, expected 2
                  8 steps, virtual time 0 s, 5 decisions, 1 delay (step 2) from FIFO, trace fingerprint \
                0xce6364b56d2c1791
                """);
    }

    @Test
    void shrinkingALostUpdateAmongBystandersLeavesOneDelayFromFifo() {
        SweepResult r = Simulation.of(Scenarios::lostUpdateWithBystanders).seeds(BASE, 50).sweep();
        RunResult first = r.firstFailure().orElseThrow();
        RunResult shrunk = r.shrunk().orElseThrow();
        assertThat(first.decisions().departures()).isEqualTo(15);
        assertThat(first.decisions().delays()).isEqualTo(10);
        assertThat(shrunk.decisions().delays()).isEqualTo(1);
        assertThat(shrunk.seed()).isEqualTo(first.seed());
        assertThat(shrunk.failure()).hasMessage("lost update: counter is 1, expected 2");
    }

    @Test
    void replayingAFailingSeedGivesTheSameFingerprint() {
        Simulation sim = Simulation.of(Scenarios::lostUpdate).seeds(BASE, 20);
        RunResult first = sim.sweep().firstFailure().orElseThrow();
        RunResult again = sim.run(first.seed());
        assertThat(again.failed()).isTrue();
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).isEqualTo(0xc9bf87c69ee918fbL);
        assertThat(again.trace().renderText()).isEqualTo(first.trace().renderText());
        RunResult replayed = sim.replay(first.decisions());
        assertThat(replayed.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void pctFindsADepthThreeBugAtLeastAsOftenAsItsGuaranteePromises() {
        Simulation sim = Simulation.of(Scenarios::depthThree).policy(Policy.pct(3)).seeds(BASE, 10_000)
                .stopAtFirstFailure(false).shrink(false);
        long k = 21; // steps of the FIFO run
        int n = 3; // tasks: main, a, b
        assertThat(sim.resolvedPolicy()).hasToString("PCT(depth=3, k=" + k + ")");
        SweepResult r = sim.sweep();
        double promised = 10_000.0 / (n * k * k);
        assertThat(r.failures()).hasSize(220);
        assertThat((double) r.failures().size()).isGreaterThanOrEqualTo(promised);
    }

    @Test
    void fifoNeverFindsTheDepthThreeBug() {
        assertThat(Simulation.of(Scenarios::depthThree).policy(Policy.FIFO).seeds(BASE, 100).sweep().failures())
                .isEmpty();
    }

    @Test
    void twoThreadsFindTheSameFailuresAsOne() {
        Simulation sim = Simulation.of(Scenarios::depthThree).policy(Policy.pct(3)).seeds(BASE, 500)
                .stopAtFirstFailure(false).shrink(false);
        assertThat(failingIndices(sim.threads(2).sweep(), BASE)).isEqualTo(failingIndices(sim.sweep(), BASE));
        SweepResult stopped = sim.stopAtFirstFailure(true).threads(2).sweep();
        assertThat(stopped.failures()).hasSize(1);
        assertThat(stopped.runs()).isEqualTo(sim.stopAtFirstFailure(true).sweep().runs());
    }
}

package dev.simloop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.NondeterminismException;
import dev.simloop.RunResult;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.StrandBackend;
import dev.simloop.SweepResult;
import dev.simloop.TraceLevel;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenarios on the simulated network: each bug is found at the stated seed within the hunt's 2,000 seeds, with
 * the stated message; the failing seed replays to the same fingerprint, on either strand; runs are deterministic; the
 * fixed version passes 2,000 seeds. Unlike the single-process scenarios, these may fail in FIFO order too: the seed's
 * draws (latencies, losses, crash times) are part of the bug.
 */
class NetScenarioTest {

    /** Per scenario: its name, its first failing seed's index, that seed, the delays after shrinking, the message. */
    static Stream<Arguments> expectations() {
        return Stream.of(
                Arguments.of("quorum-read", 2, "0x5d5bca4696b343b3", 1, """
                        stale read: not linearizable: the shortest failing prefix has 23 of 34 events; it ends as \
                        reader-1 read() -> 1 [invoked #20 at 126.156 ms, ok #22 at 135.751 ms]
                        no order of these 2 operations explains what the clients saw:
                          writer write(2) [invoked #4 at 22.202 ms, ok #7 at 36.398 ms]
                          reader-1 read() -> 1 [invoked #20 at 126.156 ms, ok #22 at 135.751 ms]"""),
                Arguments.of("split-leader", 146, "0x52fb365adc04f049", 2, "two leaders: n2 acted with lease "
                        + "term 13 at 459 ms after n3 acted with term 17 at 456 ms"),
                Arguments.of("redelivery", 0, "0x09f1fd9d03f0a9b4", 0, "double-applied payment: the consumer's "
                        + "total is 2240, expected 2100 for 20 payments"));
    }

    private static Scenario scenario(String name) {
        return Catalog.named(name).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void theBuggyVersionFailsAtTheStatedSeedWithTheStatedMessage(String name, int index, String seed, int delays,
            String message) {
        Scenario s = scenario(name);
        assertThat(s.seeds()).isEqualTo(2_000);
        SweepResult r = s.simulation(Scenario.Variant.BUGGY).sweep();
        RunResult first = r.firstFailure().orElseThrow();
        assertThat(r.runs()).isEqualTo(index + 1);
        assertThat(Seeds.format(first.seed())).isEqualTo(seed).isEqualTo(Seeds.format(
                Seeds.of(Scenario.BASE_SEED, index)));
        assertThat(first.failure()).isInstanceOf(AssertionError.class).hasMessage(message);
        RunResult shrunk = r.shrunk().orElseThrow();
        // The shrunk run is another interleaving, so the same bug may show in other operations.
        assertThat(shrunk.failure()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(message.substring(0, message.indexOf(':')));
        assertThat(shrunk.decisions().delays()).isEqualTo(delays).isLessThanOrEqualTo(first.decisions().delays());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void replayingTheFailingSeedGivesTheSameRunOnEitherStrand(String name, int index, String seed, int delays,
            String message) {
        Scenario s = scenario(name);
        Simulation sim = s.simulation(Scenario.Variant.BUGGY);
        RunResult first = sim.shrink(false).sweep().firstFailure().orElseThrow();
        RunResult again = sim.run(first.seed());
        assertThat(again.failed()).isTrue();
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(sim.replay(first.decisions()).fingerprint()).isEqualTo(first.fingerprint());
        RunResult baton = sim.loop(s.loopSettings(Scenario.Variant.BUGGY, TraceLevel.DEFAULT)
                .strands(StrandBackend.BATON)).run(first.seed());
        assertThat(baton.fingerprint()).isEqualTo(first.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void bothVersionsAreDeterministic(String name, int index, String seed, int delays, String message) {
        for (Scenario.Variant v : Scenario.Variant.values()) {
            SweepResult r = scenario(name).simulation(v).seeds(Scenario.BASE_SEED, 30).checkDeterminism(true)
                    .stopAtFirstFailure(false).shrink(false).sweep();
            assertThat(r.failures()).noneMatch(f -> f.failure() instanceof NondeterminismException);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void theFixedVersionPasses2000Seeds(String name, int index, String seed, int delays, String message) {
        SweepResult r = scenario(name).simulation(Scenario.Variant.FIXED).seeds(Scenario.BASE_SEED, 2_000)
                .threads(2).sweep();
        assertThat(r.failures()).isEmpty();
        assertThat(r.runs()).isEqualTo(2_000);
    }
}

package dev.simloop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Decisions;
import dev.simloop.NondeterminismException;
import dev.simloop.Policy;
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
 * Every scenario's bug is found within its hunt's seeds under the default portfolio, at the seed stated here, and not
 * in FIFO order; the failing seed replays to the same fingerprint (on either strand); shrinking leaves no more delays
 * than the original run took; runs are deterministic; and the fixed version passes 2,000 seeds.
 */
class ScenarioTest {

    /**
     * Per scenario: its name, the index of its first failing seed from {@link Scenario#BASE_SEED}, that seed, and
     * the delays from FIFO left after shrinking (0 where the seed's own draws, not the order, make it fail).
     */
    static Stream<Arguments> expectations() {
        return Stream.of(
                Arguments.of("lost-update", 0, "0x09f1fd9d03f0a9b4", 1),
                Arguments.of("cache-stampede", 0, "0x09f1fd9d03f0a9b4", 1),
                Arguments.of("lock-ordering", 0, "0x09f1fd9d03f0a9b4", 1),
                Arguments.of("missed-wakeup", 0, "0x09f1fd9d03f0a9b4", 1),
                Arguments.of("lost-signal", 0, "0x09f1fd9d03f0a9b4", 1),
                Arguments.of("timeout-at-deadline", 8, "0xdaa27fb8dacb9e73", 1),
                Arguments.of("cancel-leak", 0, "0x09f1fd9d03f0a9b4", 0),
                Arguments.of("producer-consumer", 0, "0x09f1fd9d03f0a9b4", 1),
                Arguments.of("retry-backoff", 2, "0x5d5bca4696b343b3", 0),
                Arguments.of("lease-expiry", 0, "0x09f1fd9d03f0a9b4", 1),
                Arguments.of("rate-limiter", 0, "0x09f1fd9d03f0a9b4", 1),
                Arguments.of("stale-read", 5, "0x5eb7f92b95387cca", 1),
                Arguments.of("fire-and-forget", 0, "0x09f1fd9d03f0a9b4", 1));
    }

    private static Scenario scenario(String name) {
        return Catalog.named(name).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void theBuggyVersionFailsAtTheStatedSeedAndShrinksToFewerDelays(String name, int index, String seed,
            int delays) {
        Scenario s = scenario(name);
        assertThat(index).isLessThan(s.seeds());
        SweepResult r = s.simulation(Scenario.Variant.BUGGY).sweep();
        RunResult first = r.firstFailure().orElseThrow();
        assertThat(r.runs()).isEqualTo(index + 1);
        assertThat(Seeds.format(first.seed())).isEqualTo(seed).isEqualTo(Seeds.format(
                Seeds.of(Scenario.BASE_SEED, index)));
        RunResult shrunk = r.shrunk().orElseThrow();
        assertThat(shrunk.failure()).isInstanceOf(first.failure().getClass());
        assertThat(shrunk.decisions().delays()).isEqualTo(delays).isLessThanOrEqualTo(first.decisions().delays());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void theBuggyVersionPassesInFifoOrderWhateverTheSeed(String name, int index, String seed, int delays) {
        SweepResult fifo = scenario(name).simulation(Scenario.Variant.BUGGY).policy(Policy.FIFO)
                .seeds(Scenario.BASE_SEED, 200).sweep();
        assertThat(fifo.failures()).isEmpty();
        assertThat(fifo.runs()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void replayingTheFailingSeedGivesTheSameFingerprint(String name, int index, String seed, int delays) {
        Simulation sim = scenario(name).simulation(Scenario.Variant.BUGGY);
        RunResult first = sim.shrink(false).sweep().firstFailure().orElseThrow();
        RunResult again = sim.run(first.seed());
        assertThat(again.failed()).isTrue();
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(sim.replay(first.decisions()).fingerprint()).isEqualTo(first.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void theFailingSeedGivesTheSameRunOnTheBatonStrand(String name, int index, String seed, int delays) {
        Scenario s = scenario(name);
        Simulation sim = s.simulation(Scenario.Variant.BUGGY);
        RunResult first = sim.shrink(false).sweep().firstFailure().orElseThrow();
        RunResult baton = sim.loop(s.loopSettings(Scenario.Variant.BUGGY, TraceLevel.DEFAULT)
                .strands(StrandBackend.BATON)).run(first.seed());
        assertThat(baton.fingerprint()).isEqualTo(first.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void bothVersionsAreDeterministic(String name, int index, String seed, int delays) {
        for (Scenario.Variant v : Scenario.Variant.values()) {
            SweepResult r = scenario(name).simulation(v).seeds(Scenario.BASE_SEED, 50).checkDeterminism(true)
                    .stopAtFirstFailure(false).shrink(false).sweep();
            assertThat(r.failures()).noneMatch(f -> f.failure() instanceof NondeterminismException);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void theFixedVersionPasses2000Seeds(String name, int index, String seed, int delays) {
        SweepResult r = scenario(name).simulation(Scenario.Variant.FIXED).seeds(Scenario.BASE_SEED, 2_000)
                .threads(2).sweep();
        assertThat(r.failures()).isEmpty();
        assertThat(r.runs()).isEqualTo(2_000);
        assertThat(r.decisions()).isPositive();
    }
}

package dev.simloop.junit;

import static dev.simloop.junit.Fixtures.failure;
import static dev.simloop.junit.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** {@code simloop.shard=auto}: the shard from the CI's own variables, each CI's index base turned into i/n. */
class ShardAutoTest {

    private static final String NONE_FOUND = "Configuration error: @SimTest on method [ConfigFixturesTestCase#valid] "
            + "has simloop.shard=auto, but none of the variables that say which shard a CI job runs is set: "
            + "SIMLOOP_SHARD_INDEX and SIMLOOP_SHARD_TOTAL (any CI, 1-based), CI_NODE_INDEX and CI_NODE_TOTAL "
            + "(GitLab), CIRCLE_NODE_INDEX and CIRCLE_NODE_TOTAL (CircleCI), JOB_COMPLETION_INDEX and "
            + "SIMLOOP_SHARD_TOTAL (a Kubernetes Indexed Job). Set one pair, or give the shard as i/n "
            + "(-Dsimloop.shard=2/4).";

    private static SimConfig config(Map<String, String> environment) throws Exception {
        Method valid = ConfigFixturesTestCase.class.getDeclaredMethod("valid");
        return SimConfig.of(ConfigFixturesTestCase.class, valid, valid.getAnnotation(SimTest.class),
                key -> key.equals(SimConfig.SHARD) ? Optional.of("auto") : Optional.empty(), environment::get);
    }

    private static String shard(Map<String, String> environment) throws Exception {
        int[] s = config(environment).shard();
        return s[0] + "/" + s[1];
    }

    @Test
    void eachCisVariablesGiveTheShardOneBased() throws Exception {
        assertThat(shard(Map.of("SIMLOOP_SHARD_INDEX", "3", "SIMLOOP_SHARD_TOTAL", "16"))).isEqualTo("3/16");
        assertThat(shard(Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "4"))).isEqualTo("1/4");
        assertThat(shard(Map.of("CIRCLE_NODE_INDEX", "0", "CIRCLE_NODE_TOTAL", "4"))).isEqualTo("1/4");
        assertThat(shard(Map.of("CIRCLE_NODE_INDEX", "3", "CIRCLE_NODE_TOTAL", "4"))).isEqualTo("4/4");
        assertThat(shard(Map.of("JOB_COMPLETION_INDEX", "15", "SIMLOOP_SHARD_TOTAL", "16"))).isEqualTo("16/16");
    }

    @Test
    void simloopsOwnPairComesFirst() throws Exception {
        assertThat(shard(Map.of("SIMLOOP_SHARD_INDEX", "2", "SIMLOOP_SHARD_TOTAL", "2", "CI_NODE_INDEX", "1",
                "CI_NODE_TOTAL", "8"))).isEqualTo("2/2");
    }

    @Test
    void valuesOutOfRangeOrMissingAreNamed() {
        assertThatThrownBy(() -> config(Map.of("CIRCLE_NODE_INDEX", "4", "CIRCLE_NODE_TOTAL", "4")))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessage("Configuration error: @SimTest on "
                        + "method [ConfigFixturesTestCase#valid] has simloop.shard=auto and found "
                        + "CIRCLE_NODE_INDEX='4' and CIRCLE_NODE_TOTAL='4' (CircleCI), but they must be whole numbers "
                        + "with 0 <= index < total.");
        assertThatThrownBy(() -> config(Map.of("JOB_COMPLETION_INDEX", "2")))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessage("Configuration error: @SimTest on "
                        + "method [ConfigFixturesTestCase#valid] has simloop.shard=auto and found "
                        + "JOB_COMPLETION_INDEX='2' and SIMLOOP_SHARD_TOTAL=(not set) (a Kubernetes Indexed Job), but "
                        + "they must be whole numbers with 0 <= index < total.");
        assertThatThrownBy(() -> config(Map.of("CI_NODE_INDEX", "one", "CI_NODE_TOTAL", "4")))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessageEndingWith("found CI_NODE_INDEX='one' "
                        + "and CI_NODE_TOTAL='4' (GitLab), but they must be whole numbers with 1 <= index <= total.");
    }

    @Test
    void noCiVariableFailsSayingWhatToSet() {
        assertThatThrownBy(() -> config(Map.of())).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(NONE_FOUND);
    }

    /** Through JUnit, with this process's own environment (which must not be a sharded CI job for this check). */
    @Test
    void theEngineReportsAMissingCiEnvironmentAsAConfigurationError() {
        for (SimConfig.ShardSource source : SimConfig.SHARD_SOURCES) {
            assumeTrue(System.getenv(source.index()) == null, source.index() + " is set in this environment");
        }
        assertThat(failure(run(ConfigFixturesTestCase.class, "valid", Map.of("simloop.shard", "auto"))))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessage(NONE_FOUND);
    }
}

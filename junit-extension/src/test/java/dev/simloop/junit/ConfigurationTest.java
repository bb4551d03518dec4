package dev.simloop.junit;

import static dev.simloop.junit.Fixtures.failure;
import static dev.simloop.junit.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Invalid attributes and configuration parameters fail the test naming the element and the rule. */
class ConfigurationTest {

    private static final Class<?> FIXTURE = ConfigFixturesTestCase.class;

    private static void fails(String method, Map<String, String> configuration, String message) {
        assertThat(failure(run(FIXTURE, method, configuration)))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessage(message);
    }

    private static void fails(String method, String message) {
        fails(method, Map.of(), message);
    }

    @Test
    void attributesAreChecked() {
        fails("zeroSeeds", "Configuration error: @SimTest on method [ConfigFixturesTestCase#zeroSeeds] must have "
                + "seeds of at least 1, but seeds is 0.");
        fails("seedWithoutHexPrefix", "Configuration error: @SimTest on method [ConfigFixturesTestCase"
                + "#seedWithoutHexPrefix] must give seeds as 0x and 1 to 16 hex digits, as failures print them "
                + "(0x00000000000000ab), but seed is \"12345\".");
        fails("unknownPolicy", "Configuration error: @SimTest on method [ConfigFixturesTestCase#unknownPolicy] must "
                + "name a policy: FIFO, RANDOM, POS, PORTFOLIO or PCT(depth), for example PCT(3), optionally followed "
                + "by /iteration, but policy is "
                + "\"fastest\".");
        fails("durationInWords", "Configuration error: @SimTest on method [ConfigFixturesTestCase#durationInWords] "
                + "must give maxVirtualTime as a positive ISO-8601 duration, for example PT1H, but maxVirtualTime is "
                + "\"1 hour\".");
        fails("zeroThreads", "Configuration error: @SimTest on method [ConfigFixturesTestCase#zeroThreads] must have "
                + "threads of at least 1, but threads is 0.");
        fails("zeroSteps", "Configuration error: @SimTest on method [ConfigFixturesTestCase#zeroSteps] must have "
                + "maxSteps of at least 1, but maxSteps is 0.");
        fails("badRegression", "Configuration error: @SimTest on method [ConfigFixturesTestCase#badRegression] must "
                + "give seeds as 0x and 1 to 16 hex digits, as failures print them (0x00000000000000ab), but "
                + "regressions[1] is \"oops\".");
    }

    @Test
    void configurationParametersAreChecked() {
        fails("valid", Map.of("simloop.seeds", "many"), "Configuration error: @SimTest on method "
                + "[ConfigFixturesTestCase#valid] must have seeds of at least 1, but the configuration parameter "
                + "simloop.seeds is 'many'.");
        fails("valid", Map.of("simloop.seed", "0xZZ"), "Configuration error: @SimTest on method "
                + "[ConfigFixturesTestCase#valid] must give seeds as 0x and 1 to 16 hex digits, as failures print "
                + "them (0x00000000000000ab), but the configuration parameter simloop.seed is '0xZZ'.");
        fails("valid", Map.of("simloop.policy", "PCT(0)"), "Configuration error: @SimTest on method "
                + "[ConfigFixturesTestCase#valid] must name a policy: FIFO, RANDOM, POS, PORTFOLIO or PCT(depth), for "
                + "example PCT(3), optionally followed by /iteration, but the configuration parameter simloop.policy "
                + "is 'PCT(0)'.");
        fails("valid", Map.of("simloop.progress", "10s"), "Configuration error: @SimTest on method "
                + "[ConfigFixturesTestCase#valid] must give the progress interval as an ISO-8601 duration (PT30S) or "
                + "off, but the configuration parameter simloop.progress is '10s'.");
        fails("valid", Map.of("simloop.shard", "3/2"), "Configuration error: @SimTest on method "
                + "[ConfigFixturesTestCase#valid] must run shard i/n with 1 <= i <= n, for example 2/4, but the "
                + "configuration parameter simloop.shard is '3/2'.");
    }
}

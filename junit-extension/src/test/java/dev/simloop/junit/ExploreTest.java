package dev.simloop.junit;

import static dev.simloop.junit.Fixtures.failure;
import static dev.simloop.junit.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.Events;

/** {@code @SimTest(explore = d)} and {@code @SimTest(schedule = ...)}, and their configuration parameters. */
class ExploreTest {

    private static final Class<?> FIXTURE = ExploreFixturesTestCase.class;

    @Test
    void aSearchThatPassesPublishesItsGuarantee() {
        Events events = run(FIXTURE, "passesEveryScheduleWithOneDelay");
        assertThat(Fixtures.failures(events)).isEmpty();
        assertThat(events.reportingEntryPublished().list()).extracting(e -> e.getRequiredPayload(ReportEntry.class)
                .getKeyValuePairs()).containsExactly(Map.of("simloop.explore",
                        "All 4 schedules with at most 1 delay pass."));
        assertThat(events.started().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
                .contains("every schedule with at most 1 delay");
    }

    @Test
    void aFailingScheduleIsReportedWithTheLineThatReplaysIt() {
        Throwable t = failure(run(FIXTURE, "failsASheduleWithTwoDelays"));
        assertThat(t.getMessage()).startsWith("ExploreFixturesTestCase#failsASheduleWithTwoDelays failed on schedule 4 "
                + "of the search with at most 2 delays: seed 0xe220a8397b1dcdaf, policy REPLAY(SEARCH), ended at "
                + "virtual time 1 s after 7 steps, trace fingerprint ")
                .contains("\nReplay: @SimTest(schedule = \"seed=0xe220a8397b1dcdaf scope=step picks=2/3\")  or  "
                        + "-Dtest=ExploreFixturesTestCase#failsASheduleWithTwoDelays "
                        + "'-Dsimloop.schedule=seed=0xe220a8397b1dcdaf scope=step picks=2/3'\n")
                .contains("\nInterleaving, per task:\n| step | time | failsASheduleWithTwoDelays");
        assertThat(t.getCause()).hasMessageContaining("first of cab");
    }

    @Test
    void theReplayLineRunsTheSameScheduleByAttributeAndByParameter() {
        Throwable byAttribute = failure(run(FIXTURE, "failsTheScheduleItIsGiven"));
        assertThat(byAttribute.getMessage()).startsWith("ExploreFixturesTestCase#failsTheScheduleItIsGiven failed on "
                + "the schedule given: seed 0xe220a8397b1dcdaf, policy REPLAY(SCHEDULE), ended at virtual time 1 s "
                + "after 7 steps");
        assertThat(byAttribute.getCause()).hasMessageContaining("first of cab");
        Throwable byParameter = failure(run(FIXTURE, "passesEveryScheduleWithOneDelay",
                Map.of("simloop.schedule", "seed=0xe220a8397b1dcdaf scope=step picks=2/3")));
        assertThat(byParameter.getCause()).hasMessageContaining("first of cab");
        assertThat(Fixtures.failures(run(FIXTURE, "failsASheduleWithTwoDelays", Map.of("simloop.explore", "1"))))
                .isEmpty();
    }

    @Test
    void aBadBoundOrScheduleIsAConfigurationError() {
        assertThat(failure(run(FIXTURE, "hasANegativeBound"))).hasMessage("Configuration error: @SimTest on method "
                + "[ExploreFixturesTestCase#hasANegativeBound] must have explore (a delay bound) of at least 0, but "
                + "explore is -2.");
        assertThat(failure(run(FIXTURE, "passesEveryScheduleWithOneDelay", Map.of("simloop.schedule", "picks=1"))))
                .hasMessage("Configuration error: @SimTest on method [ExploreFixturesTestCase#"
                        + "passesEveryScheduleWithOneDelay] must give a schedule as a failing search prints it, for "
                        + "example \"seed=0x00000000000000ab scope=step picks=0 1/3\", but the configuration parameter "
                        + "simloop.schedule is 'picks=1'.");
    }
}

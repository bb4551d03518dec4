package dev.simloop.junit;

import static dev.simloop.junit.Fixtures.failure;
import static dev.simloop.junit.Fixtures.failures;
import static dev.simloop.junit.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** {@link AfterEachSeed}: after each seed's body, passed or failed, subclass first, before the pending-task check. */
class AfterEachSeedTest {

    private static final Class<?> FIXTURE = AfterEachSeedFixturesTestCase.class;

    @BeforeEach
    void reset() {
        AfterEachSeedFixturesTestCase.EVENTS.clear();
        AfterEachSeedFixturesTestCase.afterFails = false;
    }

    @Test
    void runsAfterEachSeedInTheSeedsCoroutineSubclassFirst() {
        assertThat(failures(run(AfterEachSeedFixturesTestCase.Ordered.class, "body"))).isEmpty();
        String s0 = Seeds.format(Seeds.of(SeedPlan.BASE, 0));
        String s1 = Seeds.format(Seeds.of(SeedPlan.BASE, 1));
        String k = "0x0000000000000000"; // the FIFO run that learns the step count, as for @BeforeEachSeed
        assertThat(AfterEachSeedFixturesTestCase.EVENTS).containsExactly(
                "before " + k, "body " + k, "after " + k + " at 1 s", "base after " + k,
                "before " + s0, "body " + s0, "after " + s0 + " at 1 s", "base after " + s0,
                "before " + s1, "body " + s1, "after " + s1 + " at 1 s", "base after " + s1);
    }

    @Test
    void runsAfterAFailedBodyAndKeepsTheBodysFailure() {
        Throwable f = failure(run(AfterEachSeedFixturesTestCase.Ordered.class, "failingBody"));
        assertThat(f.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("the body failed");
        assertThat(AfterEachSeedFixturesTestCase.EVENTS).containsExactly("before 0x0000000000000001",
                "failing body", "after 0x0000000000000001 at 1 s", "base after 0x0000000000000001");
    }

    @Test
    void mayCancelWhatTheBodyLeftBeforeThePendingTaskCheck() {
        assertThat(failures(run(FIXTURE, "leavesATaskTheHookCancels"))).isEmpty();
    }

    @Test
    void itsFailureFailsAPassingSeedAndIsSuppressedByAFailingBody() {
        AfterEachSeedFixturesTestCase.afterFails = true;
        assertThat(failure(run(FIXTURE, "passes")).getCause()).isInstanceOf(AssertionError.class)
                .hasMessage("the per-seed invariant broke");
        Throwable bodyFirst = failure(run(FIXTURE, "fails")).getCause();
        assertThat(bodyFirst).isInstanceOf(IllegalStateException.class).hasMessage("the body failed");
        assertThat(bodyFirst.getSuppressed()).singleElement().isInstanceOf(AssertionError.class)
                .hasFieldOrPropertyWithValue("message", "the per-seed invariant broke");
    }

    @Test
    void aStaticHookIsAConfigurationError() {
        assertThat(failure(run(AfterEachSeedFixturesTestCase.Invalid.class, "body")))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessage("Configuration error: @AfterEachSeed "
                        + "method [AfterEachSeedFixturesTestCase$Invalid#notAllowed] must be a non-static void method "
                        + "whose parameters are of the types EventLoop, RandomGenerator, Clock or Supplier<Trace> only.");
    }
}

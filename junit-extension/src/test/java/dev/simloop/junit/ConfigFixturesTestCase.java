package dev.simloop.junit;

/** Invalid @SimTest settings, run through the EngineTestKit by {@link ConfigurationTest}; not run on their own. */
class ConfigFixturesTestCase {

    @SimTest(seeds = 0)
    void zeroSeeds() {
    }

    @SimTest(seed = "12345")
    void seedWithoutHexPrefix() {
    }

    @SimTest(policy = "fastest")
    void unknownPolicy() {
    }

    @SimTest(maxVirtualTime = "1 hour")
    void durationInWords() {
    }

    @SimTest(threads = 0)
    void zeroThreads() {
    }

    @SimTest(maxSteps = 0)
    void zeroSteps() {
    }

    @SimTest(regressions = {"0x01", "oops"})
    void badRegression() {
    }

    @SimTest
    void valid() {
    }
}

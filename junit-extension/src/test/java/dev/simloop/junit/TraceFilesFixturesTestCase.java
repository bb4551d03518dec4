package dev.simloop.junit;

import static dev.simloop.Sim.yieldNow;

/** Failing runs whose trace files {@link TraceFilesTest} reads; not run on their own. */
class TraceFilesFixturesTestCase {

    /** 120,003 events: created, started, 60,000 yields (suspended and resumed each), finished with the failure. */
    @SimTest(seed = "0x1", policy = "FIFO")
    void failsAfterSixtyThousandYields() {
        for (int i = 0; i < 60_000; i++) {
            yieldNow();
        }
        throw new IllegalStateException("failed after 60,000 yields");
    }

    /** 2,003 events, of which the loop holds the last 1,000. */
    @SimTest(seed = "0x1", policy = "FIFO", traceCapacity = 1000)
    void failsAfterAThousandYieldsWithASmallTrace() {
        for (int i = 0; i < 1000; i++) {
            yieldNow();
        }
        throw new IllegalStateException("failed after 1,000 yields");
    }

    /** The classic lost update: its failing run shrinks to one delay from FIFO. */
    @SimTest(seeds = 50, policy = "RANDOM")
    void losesAnUpdate() {
        SweepFixturesTestCase.incrementTwice();
    }
}

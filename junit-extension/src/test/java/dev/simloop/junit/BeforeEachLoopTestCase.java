package dev.simloop.junit;

import dev.simloop.EventLoop;
import org.junit.jupiter.api.BeforeEach;

/** A loop asked for where no seed's loop exists yet; run through the EngineTestKit by {@link FreshnessTest}. */
class BeforeEachLoopTestCase {

    @BeforeEach
    void setUp(EventLoop loop) {
    }

    @SimTest
    void test() {
    }
}

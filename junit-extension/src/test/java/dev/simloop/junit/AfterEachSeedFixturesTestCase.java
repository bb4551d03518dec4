package dev.simloop.junit;

import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Seeds;
import dev.simloop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Fixtures of {@link AfterEachSeed}; run through the EngineTestKit by {@link AfterEachSeedTest}. */
class AfterEachSeedFixturesTestCase {

    static final List<String> EVENTS = new ArrayList<>();
    static boolean afterFails;
    private Task<Void> leftOver;

    abstract static class Base {
        @AfterEachSeed
        void baseAfter(EventLoop loop) {
            EVENTS.add("base after " + Seeds.format(loop.seed()));
        }
    }

    static class Ordered extends Base {
        @BeforeEachSeed
        void before(EventLoop loop) {
            EVENTS.add("before " + Seeds.format(loop.seed()));
        }

        @AfterEachSeed
        void after(EventLoop loop) {
            sleep(Duration.ofSeconds(1)); // it runs in the seed's coroutine: it may sleep
            EVENTS.add("after " + Seeds.format(loop.seed()) + " at " + loop.now());
        }

        @SimTest(seeds = 2, policy = "RANDOM")
        void body(EventLoop loop) {
            EVENTS.add("body " + Seeds.format(loop.seed()));
        }

        @SimTest(seed = "0x0000000000000001")
        void failingBody() {
            EVENTS.add("failing body");
            throw new IllegalStateException("the body failed");
        }
    }

    @AfterEachSeed
    void checkAndCleanUp() {
        if (leftOver != null) {
            leftOver.cancel(); // cleans up before the check for pending tasks,
            yieldNow(); // and lets the task end: a cancel reaches it at its next step
        }
        if (afterFails) {
            throw new AssertionError("the per-seed invariant broke");
        }
    }

    @SimTest
    void leavesATaskTheHookCancels() {
        leftOver = createTask("forever", Coroutine.ofVoid(() -> sleep(Duration.ofDays(1))));
    }

    @SimTest
    void passes() {
    }

    @SimTest
    void fails() {
        throw new IllegalStateException("the body failed");
    }

    static class Invalid {
        @AfterEachSeed
        static void notAllowed() {
        }

        @SimTest
        void body() {
        }
    }
}

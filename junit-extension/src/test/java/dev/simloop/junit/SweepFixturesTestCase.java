package dev.simloop.junit;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Sweeps run through the EngineTestKit by {@link SweepTest}; not run on their own. */
class SweepFixturesTestCase {

    /** The seeds the recording fixtures ran, in order. */
    static final List<Long> SEEDS = Collections.synchronizedList(new ArrayList<>());
    /** Whether {@link #failsWhileToldTo} fails. */
    static volatile boolean fail;

    /** Two tasks increment a counter with a suspension between read and write: the classic lost update. */
    static void incrementTwice() {
        int[] counter = {0};
        Coroutine.VoidBody increment = () -> {
            int v = counter[0];
            yieldNow();
            counter[0] = v + 1;
        };
        Task<Void> a = createTask("a", Coroutine.ofVoid(increment));
        Task<Void> b = createTask("b", Coroutine.ofVoid(() -> {
            yieldNow();
            increment.run();
        }));
        await(a);
        await(b);
        assertThat(counter[0]).as("counter").isEqualTo(2);
    }

    @SimTest(seeds = 50, policy = "RANDOM")
    void losesAnUpdate() {
        incrementTwice();
    }

    /** The lost update, driven from outside the loop: tasks from loop.createTask, time from advanceBy. */
    static void incrementTwiceDrivingTheLoop(EventLoop loop) {
        int[] counter = {0};
        Coroutine.VoidBody increment = () -> {
            int v = counter[0];
            yieldNow();
            counter[0] = v + 1;
        };
        loop.createTask("a", Coroutine.ofVoid(increment));
        loop.createTask("b", Coroutine.ofVoid(() -> {
            yieldNow();
            increment.run();
        }));
        loop.advanceBy(java.time.Duration.ofSeconds(1));
        assertThat(counter[0]).as("counter").isEqualTo(2);
    }

    @SimTest(seeds = 50, policy = "RANDOM", drivesLoop = true)
    void losesAnUpdateDrivingTheLoop(EventLoop loop) {
        incrementTwiceDrivingTheLoop(loop);
    }

    @SimTest(drivesLoop = true)
    void drivesTheLoopUnderFifo(EventLoop loop) {
        incrementTwiceDrivingTheLoop(loop);
    }

    @SimTest(seed = "0xf88bb8a8724c81ec", policy = "RANDOM")
    void losesAnUpdateOnTheReportedSeed() {
        incrementTwice();
    }

    @SimTest(seeds = 10)
    void failsOnTheSixthSeed(EventLoop loop) {
        assertThat(loop.seed()).as("seed").isNotEqualTo(Seeds.of(SeedPlan.BASE, 5));
    }

    @SimTest(seeds = 3)
    void failsWhileToldTo(EventLoop loop) {
        assertThat(fail).as("told to fail").isFalse();
    }

    @SimTest(seeds = 10, policy = "RANDOM")
    void recordsItsSeeds(EventLoop loop) {
        SEEDS.add(loop.seed());
    }

    @SimTest(seeds = 2, policy = "RANDOM", regressions = {"0x00000000000000ab", "0x00000000000000cd"})
    void runsRegressionsFirst(EventLoop loop) {
        SEEDS.add(loop.seed());
    }

    @SimTest(seeds = 40, threads = 2, policy = "RANDOM")
    void runsOnTwoThreads(EventLoop loop) {
        SEEDS.add(loop.seed());
    }

    @SimTest(seeds = 5)
    void exploresNothing() {
        await(createTask(Coroutine.ofVoid(() -> yieldNow())));
    }

    /** Differs from run to run: the determinism check must catch it. */
    static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

    @SimTest(checkDeterminism = true)
    void dependsOnStateOutsideTheSeed() {
        for (int i = CALLS.incrementAndGet() % 2; i >= 0; i--) {
            yieldNow();
        }
    }

    @SimTest(maxSteps = 100)
    void neverStops() {
        while (true) {
            yieldNow();
        }
    }

    @SimTest(seeds = 4, policy = "RANDOM", perSeedInvocations = true)
    void failsOnTheThirdSeedInItsOwnInvocation(EventLoop loop) {
        assertThat(loop.seed()).as("seed").isNotEqualTo(Seeds.of(SeedPlan.BASE, 2));
    }

    @SimTest(maxSteps = 1000)
    void leavesATaskThatSwallowsItsCancellation() {
        createTask("stubborn", Coroutine.ofVoid(() -> {
            while (true) {
                try {
                    dev.simloop.Sim.sleep(java.time.Duration.ofSeconds(1));
                } catch (dev.simloop.CancelledException e) {
                    // refuses to end
                }
            }
        }));
        yieldNow();
    }
}

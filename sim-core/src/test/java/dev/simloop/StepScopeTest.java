package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the step scope (a decision at every step over everything ready) can reach that the per-iteration scope cannot,
 * the fair tail that keeps spin-waits from livelocking, PCT's guarantee over tasks, and the delay measure. All counts
 * are exact for the fixed base seeds.
 */
class StepScopeTest {

    private static final long BASE = 12;

    /** Task a takes one step, b two ({@code b1; yieldNow(); b2}); fails if b2 runs before a1. */
    private static Coroutine<Void> heldBack() {
        return Coroutine.ofVoid("main", () -> {
            List<String> log = new ArrayList<>();
            Task<Void> a = createTask("a", Coroutine.ofVoid(() -> log.add("a1")));
            Task<Void> b = createTask("b", Coroutine.ofVoid(() -> {
                log.add("b1");
                yieldNow();
                log.add("b2");
            }));
            await(a);
            await(b);
            if (log.indexOf("b2") < log.indexOf("a1")) {
                throw new AssertionError("b2 ran before a1: " + log);
            }
        });
    }

    private static int failures(Supplier<Coroutine<?>> body, Policy policy, int seeds) {
        return Simulation.of(body).policy(policy).seeds(BASE, seeds).stopAtFirstFailure(false).shrink(false).sweep()
                .failures().size();
    }

    @Test
    void everySamplingPolicyCanHoldAReadyTaskBackButNoneCanPerIteration() {
        Supplier<Coroutine<?>> body = StepScopeTest::heldBack;
        assertThat(failures(body, Policy.random(), 1000)).isEqualTo(248);
        assertThat(failures(body, Policy.pct(2), 1000)).isEqualTo(412);
        assertThat(failures(body, Policy.pct(3), 1000)).isEqualTo(343);
        assertThat(failures(body, Policy.pos(), 1000)).isEqualTo(320);
        assertThat(failures(body, Policy.portfolio(0), 1000)).isEqualTo(364);
        for (String policy : List.of("RANDOM", "PCT(2)", "PCT(3)", "POS", "PORTFOLIO")) {
            assertThat(failures(body, Policy.parse(policy + "/iteration"), 1000)).as(policy).isZero();
        }
    }

    @Test
    void holdingATaskBackIsOneDelayHoweverManyStepsItWaits() {
        RunResult r = Simulation.of(StepScopeTest::heldBack).seeds(BASE, 1000).sweep().shrunk().orElseThrow();
        assertThat(r.failure()).hasMessage("b2 ran before a1: [b1, b2, a1]");
        assertThat(r.decisions().delays()).isEqualTo(1);
        assertThat(r.decisions().describeDelays()).isEqualTo("1 delay (step 2)");
        assertThat(r.decisions().departures()).isEqualTo(2);
    }

    /** A spin-wait: the spinner yields until the setter, which yields once first, sets the flag. */
    private static Coroutine<Void> spinWait() {
        return Coroutine.ofVoid("main", () -> {
            boolean[] flag = {false};
            Task<Void> spinner = createTask("spinner", Coroutine.ofVoid(() -> {
                while (!flag[0]) {
                    yieldNow();
                }
            }));
            Task<Void> setter = createTask("setter", Coroutine.ofVoid(() -> {
                yieldNow();
                flag[0] = true;
            }));
            await(spinner);
            await(setter);
        });
    }

    @Test
    void aSpinWaitEndsUnderEveryPolicyThanksToTheFairTail() {
        for (Policy policy : List.of(Policy.random(), Policy.pct(2), Policy.pct(3), Policy.pos(), Policy.portfolio(0),
                Policy.random().perIteration(), Policy.pct(3).perIteration())) {
            Simulation sim = Simulation.of(StepScopeTest::spinWait).policy(policy).seeds(BASE, 1000)
                    .stopAtFirstFailure(false).loop(EventLoop.builder().maxSteps(100));
            SweepResult r = sim.sweep();
            assertThat(r.failures()).as(policy.toString()).isEmpty();
            assertThat(r.runs()).isEqualTo(1000);
        }
    }

    @Test
    void withoutTheTailPctStarvesTheSetterUntilTheStepLimit() {
        Simulation sim = Simulation.of(StepScopeTest::spinWait).policy(Policy.pct(2, 9).fairAfter(1_000_000))
                .seeds(BASE, 1000).stopAtFirstFailure(false).shrink(false).loop(EventLoop.builder().maxSteps(100));
        List<RunResult> failed = sim.sweep().failures();
        assertThat(failed).hasSize(136);
        assertThat(failed.get(0).failure()).isInstanceOf(LimitExceededException.class);
    }

    /**
     * Main, a and b: a takes one step, b takes {@code bSteps}; fails with "a1 ran {@code where}" if {@code bug} holds
     * for the order they ran in.
     */
    private static Coroutine<Void> aAndB(int bSteps, String where, Predicate<List<String>> bug) {
        return Coroutine.ofVoid("main", () -> {
            List<String> log = new ArrayList<>();
            Task<Void> a = createTask("a", Coroutine.ofVoid(() -> log.add("a1")));
            Task<Void> b = createTask("b", Coroutine.ofVoid(() -> {
                for (int i = 1; i <= bSteps; i++) {
                    log.add("b" + i);
                    yieldNow();
                }
            }));
            await(a);
            await(b);
            if (bug.test(log)) {
                throw new AssertionError("a1 ran " + where + ": " + log);
            }
        });
    }

    /** a1 runs after b1 and before b's last step. */
    private static Coroutine<Void> inTheMiddle(int bSteps) {
        return aAndB(bSteps, "inside b", log -> log.indexOf("a1") > log.indexOf("b1")
                && log.indexOf("a1") < log.indexOf("b" + bSteps));
    }

    /** a1 runs after all of b's steps. */
    private static Coroutine<Void> afterAll(int bSteps) {
        return aAndB(bSteps, "after all of b", log -> log.indexOf("a1") > log.indexOf("b" + bSteps));
    }

    /** The hits of PCT(depth) over 10,000 seeds, checked against the guarantee 1/(n k^(d-1)) for n tasks. */
    private static int pctHits(Supplier<Coroutine<?>> body, int depth, int n, long expectedK) {
        Simulation sim = Simulation.of(body).policy(Policy.pct(depth)).seeds(BASE, 10_000).stopAtFirstFailure(false)
                .shrink(false);
        int hits = sim.sweep().failures().size();
        assertThat(sim.resolvedPolicy()).hasToString("PCT(depth=" + depth + ", k=" + expectedK + ")");
        double promised = 10_000.0 / (n * Math.pow(expectedK, depth - 1));
        assertThat((double) hits).as("hits against the promised %.1f", promised).isGreaterThanOrEqualTo(promised);
        return hits;
    }

    @Test
    void pctMeetsItsGuaranteeOnBugsOfDepthOneTwoAndThree() {
        // a held back across all 20 of b's steps: one ordering constraint (b20 before a1), depth 1
        assertThat(pctHits(() -> afterAll(20), 1, 3, 26)).isEqualTo(5061);
        assertThat(pctHits(() -> afterAll(20), 2, 3, 26)).isEqualTo(1358);
        // a between b's first and last steps: two constraints, depth 2
        assertThat(pctHits(() -> inTheMiddle(20), 2, 3, 26)).isEqualTo(3613);
        assertThat(pctHits(() -> inTheMiddle(20), 3, 3, 26)).isEqualTo(4468);
        assertThat(pctHits(Scenarios::depthThree, 3, 3, 21)).isEqualTo(200);
    }

    /** Main starts a, b and c, each logging its name in one step, then sleeps while they run; the orders land in log. */
    private static Coroutine<Void> threeInOneStep(List<String> orders, boolean failIfCFirst) {
        return Coroutine.ofVoid("main", () -> {
            StringBuilder order = new StringBuilder();
            for (String name : List.of("a", "b", "c")) {
                createTask(name, Coroutine.ofVoid(() -> order.append(name)));
            }
            sleep(Duration.ofSeconds(1));
            orders.add(order.toString());
            if (failIfCFirst && order.charAt(0) == 'c') {
                throw new AssertionError("c ran first: " + order);
            }
        });
    }

    private static List<String> searched(int bound, boolean failIfCFirst, boolean[] exhausted) {
        List<String> orders = new ArrayList<>();
        ScheduleSearch search = new ScheduleSearch(Simulation.of(() -> threeInOneStep(orders, failIfCFirst)), 0,
                "RANDOM", false, bound, 100, Long.MAX_VALUE);
        RunResult found = search.search(RunResult::failed);
        exhausted[0] = search.exhausted();
        assertThat(search.visited()).isEqualTo(orders.size());
        if (found != null) {
            orders.add("found " + found.decisions().describeDelays());
        }
        return orders;
    }

    @Test
    void aSearchVisitsEveryScheduleWithinItsDelayBoundOnce() {
        boolean[] exhausted = {false};
        assertThat(searched(0, false, exhausted)).containsExactly("abc");
        assertThat(exhausted[0]).isTrue();
        // b first passes over a (1 delay), after which a may wait for free; c first passes over a and b (2 delays)
        assertThat(searched(1, false, exhausted)).containsExactly("abc", "bac", "bca", "acb");
        assertThat(searched(2, false, exhausted)).containsExactly("abc", "bac", "bca", "cab", "cba", "acb");
        assertThat(searched(1, true, exhausted)).containsExactly("abc", "bac", "bca", "acb");
        assertThat(exhausted[0]).isTrue();
        assertThat(searched(2, true, exhausted)).containsExactly("abc", "bac", "bca", "cab",
                "found 2 delays (steps 2, 2)");
        assertThat(exhausted[0]).isFalse();
    }

    /** Two increments of x, each a read and a write after a yield, beside a bystander that yields ten times. */
    private static Coroutine<Void> namedIncrements(boolean named) {
        return Coroutine.ofVoid("main", () -> {
            int[] x = {0};
            Runnable increment = () -> {
                if (named) {
                    Sim.yieldNow("x");
                } else {
                    yieldNow();
                }
                int seen = x[0];
                if (named) {
                    Sim.yieldNow("x");
                } else {
                    yieldNow();
                }
                x[0] = seen + 1;
            };
            Task<Void> bystander = createTask("bystander", Coroutine.ofVoid(() -> {
                for (int i = 0; i < 10; i++) {
                    yieldNow();
                }
            }));
            Task<Void> a = createTask("a", Coroutine.ofVoid(increment::run));
            Task<Void> b = createTask("b", Coroutine.ofVoid(increment::run));
            await(a);
            await(b);
            await(bystander);
            if (x[0] != 2) {
                throw new AssertionError("lost update: x = " + x[0]);
            }
        });
    }

    @Test
    void posReshufflesTheStepsOnANamedResourceAndTheTraceNamesIt() {
        assertThat(failures(() -> namedIncrements(false), Policy.pos(), 1000)).isEqualTo(178);
        assertThat(failures(() -> namedIncrements(true), Policy.pos(), 1000)).isEqualTo(290);
        assertThat(failures(() -> namedIncrements(true), Policy.random(), 1000))
                .isEqualTo(failures(() -> namedIncrements(false), Policy.random(), 1000));
        try (EventLoop loop = EventLoop.builder().trace(TraceLevel.DEFAULT).build()) {
            assertThatThrownBy(() -> loop.runUntilComplete(namedIncrements(true))).hasMessage("lost update: x = 1");
            assertThat(loop.trace().renderText()).contains("#3 0 s a suspended on a yield before x\n");
        }
    }
}

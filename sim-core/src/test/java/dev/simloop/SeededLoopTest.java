package dev.simloop;

import static dev.simloop.Sim.buggify;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.await;
import static dev.simloop.Sim.mark;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a (seed, policy) loop decides: orders, decisions, random draws and buggify; all exact for fixed seeds. */
class SeededLoopTest {

    private static List<String> order(Policy policy, long seed) {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.builder().policy(policy).seed(seed).build()) {
            loop.callSoon(() -> log.add("a"));
            loop.callSoon(() -> log.add("b"));
            loop.callLater(Duration.ofSeconds(1), () -> log.add("t1"));
            loop.callLater(Duration.ofSeconds(1), () -> log.add("t2"));
            loop.callLater(Duration.ofSeconds(1), () -> log.add("t3"));
            loop.callSoon(() -> {
                log.add("c");
                loop.callSoon(() -> log.add("next pass"));
            });
            loop.runUntilIdle();
        }
        return log;
    }

    @Test
    void fifoIsCPythonsOrderAndTakesNoDecisions() {
        assertThat(order(Policy.FIFO, 5)).containsExactly("a", "b", "c", "next pass", "t1", "t2", "t3");
    }

    @Test
    void replayingNoDecisionsTakesTheSchedulerPathInFifoOrder() {
        assertThat(order(Policy.replay(Decisions.none(0)), 0))
                .containsExactly("a", "b", "c", "next pass", "t1", "t2", "t3");
    }

    @Test
    void perIterationRandomReordersTheBatchAndTimersDueTogetherButNeverAcrossIterations() {
        assertThat(order(Policy.random().perIteration(), 1))
                .containsExactly("b", "a", "c", "next pass", "t1", "t2", "t3");
        assertThat(order(Policy.random().perIteration(), 2))
                .containsExactly("b", "c", "a", "next pass", "t2", "t3", "t1");
        for (long seed = 0; seed < 50; seed++) {
            List<String> log = order(Policy.random().perIteration(), seed);
            assertThat(log.subList(0, 3)).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(log.get(3)).isEqualTo("next pass");
            assertThat(log.subList(4, 7)).containsExactlyInAnyOrder("t1", "t2", "t3");
        }
    }

    @Test
    void stepScopeRandomPicksAmongEverythingReadyButTimersOnlyOnceTimeReachesThem() {
        assertThat(order(Policy.random(), 1)).containsExactly("b", "a", "c", "next pass", "t1", "t2", "t3");
        assertThat(order(Policy.random(), 2)).containsExactly("b", "c", "next pass", "a", "t3", "t1", "t2");
        int nextPassBeforeA = 0;
        for (long seed = 0; seed < 50; seed++) {
            List<String> log = order(Policy.random(), seed);
            assertThat(log.subList(0, 4)).containsExactlyInAnyOrder("a", "b", "c", "next pass");
            assertThat(log.indexOf("next pass")).isGreaterThan(log.indexOf("c"));
            assertThat(log.subList(4, 7)).containsExactlyInAnyOrder("t1", "t2", "t3");
            nextPassBeforeA += log.indexOf("next pass") < log.indexOf("a") ? 1 : 0;
        }
        assertThat(nextPassBeforeA).isEqualTo(18);
    }

    @Test
    void decisionsCountOnlyPicksAmongTwoOrMore() {
        try (EventLoop loop = EventLoop.builder().policy(Policy.random()).seed(3).build()) {
            loop.callSoon(() -> {});
            loop.callSoon(() -> {});
            loop.callSoon(() -> {});
            loop.runUntilIdle();
            Decisions d = loop.decisions();
            assertThat(d.size()).isEqualTo(2);
            assertThat(d.options(0)).isEqualTo(3);
            assertThat(d.options(1)).isEqualTo(2);
            assertThat(d.policy()).isEqualTo("RANDOM");
            assertThat(d.seed()).isEqualTo(3);
        }
        try (EventLoop fifo = EventLoop.create()) {
            fifo.callSoon(() -> {});
            fifo.callSoon(() -> {});
            fifo.runUntilIdle();
            assertThat(fifo.decisions().size()).isZero();
        }
    }

    @Test
    void randomOfTheLoopDependsOnTheSeedAloneNotOnThePolicysDraws() {
        long[] draws = new long[3];
        Policy[] policies = {Policy.FIFO, Policy.random(), Policy.pos()};
        for (int i = 0; i < policies.length; i++) {
            try (EventLoop loop = EventLoop.builder().policy(policies[i]).seed(42).build()) {
                loop.callSoon(() -> {});
                loop.callSoon(() -> {});
                loop.runUntilIdle();
                draws[i] = loop.random().nextLong();
            }
        }
        assertThat(draws).containsOnly(draws[0]);
        try (EventLoop other = EventLoop.builder().seed(43).build()) {
            assertThat(other.random().nextLong()).isNotEqualTo(draws[0]);
        }
    }

    private static Coroutine<Integer> buggifyCount() {
        return Coroutine.of(() -> {
            int fired = 0;
            for (int i = 0; i < 100; i++) {
                if (buggify("drop") | buggify("delay") | buggify("dup")) {
                    fired++;
                }
            }
            return fired;
        });
    }

    @Test
    void buggifyNeverFiresUnderFifo() {
        for (long seed = 0; seed < 20; seed++) {
            assertThat(EventLoop.builder().seed(seed).run(buggifyCount())).isZero();
        }
    }

    @Test
    void buggifyEnablesAPointForTheWholeRunThenFiresOneTimeInFour() {
        List<Integer> fired = new ArrayList<>();
        for (long seed = 0; seed < 8; seed++) {
            fired.add(EventLoop.builder().policy(Policy.random()).seed(seed).run(buggifyCount()));
        }
        assertThat(fired).containsExactly(49, 0, 20, 22, 29, 25, 0, 19);
    }

    @Test
    void markRecordsTheTaskThatMarked() {
        try (EventLoop loop = EventLoop.builder().trace(TraceLevel.DEFAULT).build()) {
            loop.mark("before");
            loop.runUntilComplete(Coroutine.ofVoid("main", () -> {
                await(createTask("worker", Coroutine.ofVoid(() -> mark("inside"))));
                yieldNow();
            }));
            assertThat(loop.trace().events()).filteredOn(e -> e.kind() == TraceEvent.Kind.MARK)
                    .extracting(TraceEvent::toString).containsExactly("#0 0 s - mark before",
                            "#2 0 s worker mark inside");
        }
    }

    @Test
    void pctWithoutAStepCountCannotRunAlone() {
        assertThatThrownBy(() -> EventLoop.builder().policy(Policy.pct(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: PCT(depth=2) needs the test's step count k before a loop can run "
                        + "it: use Policy.pct(depth, k) or portfolio(k), or run it through Simulation, which takes k "
                        + "from one FIFO run.");
        assertThatThrownBy(() -> Policy.pct(0)).hasMessage("Configuration error: PCT depth must be at least 1, was 0.");
        assertThat(Policy.pct(2).withStepCount(30)).hasToString("PCT(depth=2, k=30)");
        assertThat(Policy.portfolio(0).withStepCount(30)).hasToString("PORTFOLIO(k=30)");
        assertThat(Policy.random().withStepCount(30)).hasToString("RANDOM");
        assertThat(Policy.random().withStepCount(30).fairTailAfter()).isEqualTo(120);
        assertThat(Policy.random().fairTailAfter()).isEqualTo(Long.MAX_VALUE);
        assertThat(Policy.pct(2, 30).fairAfter(50).fairTailAfter()).isEqualTo(50);
        assertThat(Policy.FIFO.withStepCount(30)).isSameAs(Policy.FIFO);
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Step and virtual-time limits end runs that never finish, naming the limit and the tasks still running. */
class LimitsTest {

    private static Coroutine<Void> producerWithoutEnd() {
        return Coroutine.ofVoid("main", () -> {
            createTask("producer", Coroutine.ofVoid(() -> {
                while (true) {
                    sleep(Duration.ofSeconds(1));
                }
            }));
            Task<Void> spinner = createTask("spinner", Coroutine.ofVoid(() -> {
                while (true) {
                    yieldNow();
                }
            }));
            await(spinner);
        });
    }

    @Test
    void stepLimitNamesItsValueAndTheTasksStillRunning() {
        EventLoop.Builder b = EventLoop.builder().maxSteps(50);
        assertThatThrownBy(() -> b.run(producerWithoutEnd())).isInstanceOf(LimitExceededException.class)
                .hasMessage("""
                        The run passed its step limit (maxSteps = 50): step 51 was about to run (virtual time 0 s, \
                        step 50). Tasks still running, in creation order:
                          - 'main' waiting on task 'spinner'
                          - 'producer' waiting on sleep until 1 s
                          - 'spinner' waiting on its next step (ready)
                        Look for a task that never stops (a producer with no end, a retry loop), or raise maxSteps \
                        on the builder.""");
    }

    @Test
    void virtualTimeLimitNamesItsValueAndTheTasksStillRunning() {
        EventLoop.Builder b = EventLoop.builder().maxVirtualTime(Duration.ofSeconds(3));
        assertThatThrownBy(() -> b.run(Coroutine.ofVoid("main", () -> {
            Task<Void> p = createTask("producer", Coroutine.ofVoid(() -> {
                while (true) {
                    sleep(Duration.ofSeconds(1));
                }
            }));
            await(p);
        }))).isInstanceOf(LimitExceededException.class).hasMessage("""
                The run passed its virtual-time limit (maxVirtualTime = 3 s): the next timer is due at 4 s (virtual \
                time 3 s, step 8). Tasks still running, in creation order:
                  - 'main' waiting on task 'producer'
                  - 'producer' waiting on sleep until 4 s
                Look for a task that never stops (a producer with no end, a retry loop), or raise maxVirtualTime on \
                the builder.""")
                .satisfies(e -> assertThat(((LimitExceededException) e).pendingTasks())
                        .containsExactly("'main' waiting on task 'producer'", "'producer' waiting on sleep until 4 s"));
    }

    @Test
    void aSimulationRunThatPassesALimitFails() {
        RunResult r = Simulation.of(LimitsTest::producerWithoutEnd).loop(EventLoop.builder().maxSteps(100)
                .trace(TraceLevel.OFF)).run(7);
        assertThat(r.failure()).isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("The run passed its step limit (maxSteps = 100)");
        assertThat(r.trace()).isNull();
        assertThat(r.steps()).isEqualTo(103); // 100, then 3 to cancel the tasks left over
        assertThat(r.failure().getSuppressed()).isEmpty();
    }

    @Test
    void aTaskThatIgnoresCancellationMeetsTheLimitAgainDuringCleanUp() {
        EventLoop.Builder b = EventLoop.builder().maxSteps(20);
        assertThatThrownBy(() -> b.run(Coroutine.ofVoid("main", () -> {
            createTask("stubborn", Coroutine.ofVoid(() -> {
                while (true) {
                    try {
                        yieldNow();
                    } catch (CancelledException ignored) {
                        // keeps going
                    }
                }
            }));
            yieldNow();
        }))).isInstanceOf(LimitExceededException.class).hasMessage("""
                The run passed its step limit (maxSteps = 20, again while cancelling the tasks left after the run): \
                step 26 was about to run (virtual time 0 s, step 25). Tasks still running, in creation order:
                  - 'stubborn' waiting on its next step (ready)
                Look for a task that catches CancelledException and goes on instead of ending, or raise maxSteps on \
                the builder.""");
    }

    @Test
    void aTaskThatSwallowsItsCancellationForeverEndsTheRunEvenWithoutLimits() {
        assertThatThrownBy(() -> EventLoop.run(Coroutine.ofVoid("main", () -> {
            createTask("stubborn", Coroutine.ofVoid(() -> {
                while (true) {
                    try {
                        Sim.sleep(Duration.ofSeconds(1));
                    } catch (CancelledException ignored) {
                        // keeps going
                    }
                }
            }));
            yieldNow();
        }))).isInstanceOf(LimitExceededException.class).hasMessageStartingWith("The run passed its clean-up step "
                + "limit (at most 100,000 steps, again while cancelling the tasks left after the run): step 100005 was "
                + "about to run (virtual time 50000 s, step 100004).")
                .hasMessageContaining("  - 'stubborn' waiting on sleep until ")
                .hasMessageEndingWith("Look for a task that catches CancelledException and goes on instead of ending: "
                        + "a cancelled task must end (rethrow the CancelledException, or return).");
    }

    @Test
    void limitsMustBeSensible() {
        assertThatThrownBy(() -> EventLoop.builder().maxSteps(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: maxSteps must be positive, was 0.");
        assertThatThrownBy(() -> EventLoop.builder().maxVirtualTime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: maxVirtualTime must not be negative, was PT-1S.");
    }
}

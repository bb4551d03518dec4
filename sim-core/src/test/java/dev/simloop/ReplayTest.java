package dev.simloop;

import static dev.simloop.Sim.mark;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay from a decision file, and the determinism check. */
class ReplayTest {

    @TempDir
    Path dir;

    @Test
    void aRunReplaysFromItsSavedDecisionFile() throws Exception {
        Simulation sim = Simulation.of(Scenarios::lostUpdateWithBystanders).policy(Policy.pct(3)).seeds(9, 50);
        RunResult failing = sim.sweep().firstFailure().orElseThrow();
        Path file = dir.resolve("failing.decisions");
        failing.decisions().write(file);
        assertThat(Files.readString(file)).startsWith("simloop-decisions 2\nseed " + Seeds.format(failing.seed())
                + "\npolicy PCT(depth=3, k=21)\nscope step\ndelays 5 at 2 3 3 3 17\n");
        Decisions read = Decisions.read(file);
        assertThat(read).isEqualTo(failing.decisions());
        RunResult replayed = sim.replay(read);
        assertThat(replayed.failure()).hasMessage(failing.failure().getMessage());
        assertThat(replayed.fingerprint()).isEqualTo(failing.fingerprint());
        assertThat(replayed.policy()).isEqualTo("REPLAY(PCT(depth=3, k=21))");
    }

    @Test
    void replayingAShrunkRunKeepsItsPolicyNameFlat() {
        Simulation sim = Simulation.of(Scenarios::lostUpdate).seeds(1, 20);
        RunResult shrunk = sim.sweep().shrunk().orElseThrow();
        assertThat(shrunk.policy()).isEqualTo("REPLAY(RANDOM)");
        RunResult again = sim.replay(shrunk.decisions());
        assertThat(again.policy()).isEqualTo("REPLAY(RANDOM)");
        assertThat(again.fingerprint()).isEqualTo(shrunk.fingerprint());
    }

    @Test
    void aBrokenDecisionFileIsNamed() throws Exception {
        Path file = dir.resolve("bad");
        Files.writeString(file, "simloop-decisions 2\nseed 0x0000000000000001\npolicy RANDOM\nscope step\ndelays 1\n"
                + "1/2 x/3\n");
        assertThatThrownBy(() -> Decisions.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": decision 2 'x/3' is not of the form choice/options.");
        Files.writeString(file, "simloop-decisions 2\nseed 0x0000000000000001\npolicy RANDOM\nscope step\ndelays a\n");
        assertThatThrownBy(() -> Decisions.read(file)).hasMessage(file + ": line 5 'delays a' must be 'delays N' and, if "
                + "N is not 0, 'at' and their steps.");
        Files.writeString(file, "hello\n");
        assertThatThrownBy(() -> Decisions.read(file)).hasMessage(file + " is not a simloop decision file: it must "
                + "start with the lines 'simloop-decisions 2', 'seed 0x...', 'policy ...', 'scope step' or 'scope "
                + "iteration', and 'delays ...'.");
        Files.writeString(file, "simloop-decisions 1\nseed 0x0000000000000001\npolicy RANDOM\n1/2\n");
        assertThatThrownBy(() -> Decisions.read(file)).hasMessage(file + " was written by simloop 0.1, whose policies "
                + "chose only within a loop iteration; its decisions mean other orders now. Record the run again (its "
                + "seed and policy with /iteration appended replay the same interleaving as a sweep).");
    }

    @Test
    void theDeterminismCheckNamesTheFirstStepWhereTwoRunsOfASeedPart() {
        AtomicInteger leak = new AtomicInteger();
        SweepResult r = Simulation.of(() -> Coroutine.ofVoid("main", () -> {
            yieldNow();
            yieldNow();
            mark("run " + leak.incrementAndGet());
        })).seeds(0, 3).checkDeterminism(true).sweep();
        RunResult first = r.firstFailure().orElseThrow();
        assertThat(r.runs()).isEqualTo(1);
        assertThat(r.shrunk()).isEmpty();
        // run 1 is the FIFO run that learns the step count k for the fair tail; runs 2 and 3 are seed 0's two runs
        assertThat(first.failure()).isInstanceOf(NondeterminismException.class).hasMessage("Nondeterminism: seed "
                + Seeds.format(Seeds.of(0, 0)) + " under RANDOM ran twice and the runs parted at step 3 "
                + "(event 6):\n  first run:  #3 0 s main mark run 2\n  second run: #3 0 s main mark run 3\nLook for "
                + "the wall clock, Math.random(), new Random(), iteration over identity hashes or other threads in "
                + "the code under test; use loop.random() for randomness.");
    }

    @Test
    void theDeterminismCheckOfCutTracesSaysWhenTheRunsPartedAmongTheDroppedEvents() {
        AtomicInteger leak = new AtomicInteger();
        SweepResult r = Simulation.of(() -> Coroutine.ofVoid("main", () -> {
            mark("run " + leak.incrementAndGet());
            yieldNow();
            yieldNow();
        })).loop(EventLoop.builder().trace(TraceLevel.DEFAULT).traceCapacity(3)).seeds(0, 3).checkDeterminism(true)
                .sweep();
        assertThat(r.firstFailure().orElseThrow().failure()).isInstanceOf(NondeterminismException.class)
                .hasMessage("Nondeterminism: seed " + Seeds.format(Seeds.of(0, 0)) + " under RANDOM ran "
                        + "twice and the runs parted before the events their traces kept (first 5 of 8 events "
                        + "dropped; raise EventLoop.Builder.traceCapacity (now 3) to keep more), as their "
                        + "fingerprints differ\nLook for the wall clock, Math.random(), new Random(), iteration over "
                        + "identity hashes or other threads in the code under test; use loop.random() for "
                        + "randomness.");
    }

    @Test
    void theDeterminismCheckRecordsATraceEvenWhenTheLoopSettingsHaveNone() {
        AtomicInteger leak = new AtomicInteger();
        SweepResult r = Simulation.of(() -> Coroutine.ofVoid("main", () -> mark("run " + leak.incrementAndGet())))
                .loop(EventLoop.builder().maxSteps(1000)).checkDeterminism(true).seeds(0, 1).sweep();
        assertThat(r.firstFailure().orElseThrow().failure()).isInstanceOf(NondeterminismException.class);
        assertThat(Simulation.of(() -> Coroutine.ofVoid(() -> {})).loop(EventLoop.builder()).run(1).trace()).isNull();
    }

    @Test
    void resultsWithIdentityHashesInTheirToStringAreNotNondeterminism() {
        SweepResult r = Simulation.of(() -> Coroutine.of("main", Object::new)).checkDeterminism(true).seeds(0, 5)
                .sweep();
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void aDeterministicSweepPassesTheCheck() {
        SweepResult r = Simulation.of(Scenarios::depthThree).policy(Policy.portfolio(0)).seeds(3, 30)
                .checkDeterminism(true).stopAtFirstFailure(false).sweep();
        assertThat(r.failures()).noneMatch(f -> f.failure() instanceof NondeterminismException);
        assertThat(r.runs()).isEqualTo(30);
    }
}

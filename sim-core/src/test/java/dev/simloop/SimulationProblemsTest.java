package dev.simloop;

import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Problems a loop reports fail the run, naming them; one failing run shrinks as a sweep would shrink it. */
class SimulationProblemsTest {

    @Test
    void aCoroutineNeverAwaitedFailsTheRunNamingIt() {
        RunResult r = Simulation.of(() -> Coroutine.ofVoid(() -> Coroutine.ofVoid("forgotten", () -> { })))
                .policy(Policy.FIFO).run(7);
        assertThat(r.failure()).isInstanceOf(LoopProblemException.class).hasMessage("NEVER_AWAITED: The coroutine "
                + "'forgotten' was never awaited: creating a coroutine runs nothing. Await it, or wrap it in a task.");
        assertThat(((LoopProblemException) r.failure()).problem().kind()).isEqualTo(LoopProblem.Kind.NEVER_AWAITED);
    }

    @Test
    void anUnretrievedTaskExceptionFailsTheRunNamingTheTaskWithTheExceptionAsCause() {
        IllegalStateException lost = new IllegalStateException("lost");
        RunResult r = Simulation.of(() -> Coroutine.ofVoid(() -> {
            createTask("dropper", Coroutine.ofVoid(() -> {
                throw lost;
            }));
            sleep(Duration.ofSeconds(1));
        })).policy(Policy.FIFO).run(7);
        assertThat(r.failure()).isInstanceOf(LoopProblemException.class).hasCause(lost).hasMessage(
                "UNRETRIEVED_EXCEPTION: Task 'dropper' failed with java.lang.IllegalStateException: lost and nobody "
                        + "retrieved the exception: await it, or call result() or exception().");
    }

    @Test
    void shrinkingOneFailingRunGivesWhatTheSweepShrinksItTo() {
        Simulation sim = Simulation.of(Scenarios::lostUpdate).seeds(1, 20);
        SweepResult sweep = sim.sweep();
        RunResult shrunk = sim.shrink(sim.run(sweep.firstFailure().orElseThrow().seed()));
        assertThat(shrunk.decisions()).isEqualTo(sweep.shrunk().orElseThrow().decisions());
        assertThat(shrunk.fingerprint()).isEqualTo(sweep.shrunk().orElseThrow().fingerprint());
    }
}

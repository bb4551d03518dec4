package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.yieldNow;

import dev.simloop.Coroutine;
import dev.simloop.RunResult;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import dev.simloop.Task;

public class Shrinking {
    // tag::example[]
    /** Chapter 9's test with a bystander: an audit task that pauses three times and changes nothing. */
    static Coroutine<Void> withAudit() {
        return Coroutine.ofVoid("main", () -> {
            Task<Void> audit = createTask("audit", Coroutine.ofVoid(() -> {
                for (int i = 0; i < 3; i++) {
                    yieldNow();
                }
            }));
            await(SeededSweep.bothDepositsCount());
            await(audit);
        });
    }

    public static void main(String[] args) {
        Simulation simulation = Simulation.of(Shrinking::withAudit).seeds(0, 1000);
        SweepResult sweep = simulation.sweep();
        RunResult failure = sweep.firstFailure().orElseThrow();
        RunResult shrunk = sweep.shrunk().orElseThrow();
        System.out.println("found:  " + failure.decisions().size() + " decisions, "
                + failure.decisions().describeDelays());
        System.out.println("shrunk: " + shrunk.decisions().describeDelays() + ", still "
                + shrunk.failure().getMessage());
        System.out.print(shrunk.trace().renderColumns());

        RunResult again = simulation.replay(shrunk.decisions());   // or Decisions.read(file)
        System.out.println("replayed from its decisions: " + again.failure().getMessage()
                + (again.fingerprint() == shrunk.fingerprint() ? ", the same fingerprint" : ", ANOTHER fingerprint"));
    }
    // end::example[]
}

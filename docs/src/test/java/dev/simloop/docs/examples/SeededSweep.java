package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.mark;
import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.Decisions;
import dev.simloop.EventLoop;
import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import dev.simloop.Task;
import java.time.Duration;

public class SeededSweep {
    // tag::example[]
    static final class Account {
        int balance = 100;
    }

    static Coroutine<Void> deposit(Account account, int amount, boolean checksRateFirst) {
        return Coroutine.ofVoid(() -> {
            if (checksRateFirst) {
                sleep(Duration.ofMillis(10));             // looks up an exchange rate
            }
            int seen = account.balance;
            mark("read " + seen);                         // a mark in the trace
            sleep(Duration.ofMillis(10));                 // a slow database
            account.balance = seen + amount;
            mark("wrote " + account.balance);
        });
    }

    /** The test: two deposits side by side must both count. */
    static Coroutine<Void> bothDepositsCount() {
        return Coroutine.ofVoid("main", () -> {
            Account account = new Account();
            Task<Void> alice = createTask("alice", deposit(account, 10, false));
            Task<Void> bob = createTask("bob", deposit(account, 20, true));
            await(alice);
            await(bob);
            if (account.balance != 130) {
                throw new AssertionError("balance " + account.balance + ", expected 130");
            }
        });
    }

    public static void main(String[] args) {
        EventLoop.run(bothDepositsCount());               // FIFO, CPython's order: passes
        System.out.println("FIFO: passed");

        for (Policy policy : new Policy[] {Policy.random(), Policy.pct(2)}) {
            Simulation simulation = Simulation.of(SeededSweep::bothDepositsCount).policy(policy).seeds(0, 1000)
                    .stopAtFirstFailure(false);
            SweepResult sweep = simulation.sweep();
            RunResult failure = sweep.firstFailure().orElseThrow();
            System.out.println(failure.policy() + ": " + sweep.failures().size() + " of " + sweep.runs()
                    + " runs failed; the first, seed " + Seeds.format(failure.seed()) + ": "
                    + failure.failure().getMessage());

            RunResult again = simulation.run(failure.seed());   // the seed alone replays the run
            System.out.println("  replayed: fingerprint " + Seeds.format(again.fingerprint())
                    + (again.fingerprint() == failure.fingerprint() ? ", the same" : ", DIFFERENT"));
        }
    }
    // end::example[]
}

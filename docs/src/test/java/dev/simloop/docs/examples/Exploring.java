package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.Decisions;
import dev.simloop.ExploreResult;
import dev.simloop.RunResult;
import dev.simloop.Simulation;
import dev.simloop.Task;
import dev.simloop.sync.Lock;
import java.time.Duration;

public class Exploring {
    // tag::example[]
    /** Chapter 9's deposits, with the read-modify-write under a lock: the fix. */
    static Coroutine<Void> lockedDeposits() {
        return Coroutine.ofVoid("main", () -> {
            SeededSweep.Account account = new SeededSweep.Account();
            Lock lock = new Lock();
            Task<Void> alice = createTask("alice", Coroutine.ofVoid(() -> deposit(account, lock, 10)));
            Task<Void> bob = createTask("bob", Coroutine.ofVoid(() -> deposit(account, lock, 20)));
            await(alice);
            await(bob);
            if (account.balance != 130) {
                throw new AssertionError("balance " + account.balance + ", expected 130");
            }
        });
    }

    static void deposit(SeededSweep.Account account, Lock lock, int amount) {
        lock.acquire();
        try {
            int seen = account.balance;
            sleep(Duration.ofMillis(10));             // the slow database, now inside the lock
            account.balance = seen + amount;
        } finally {
            lock.release();
        }
    }

    public static void main(String[] args) {
        Simulation buggy = Simulation.of(SeededSweep::bothDepositsCount);
        ExploreResult found = buggy.explore(2);
        RunResult failure = found.shrunk().orElseThrow();
        System.out.println("buggy: schedule " + found.schedules() + " fails with " + failure.decisions().describeDelays()
                + ": " + failure.failure().getMessage());
        String line = failure.decisions().toLine();
        System.out.println("  replay: " + line);
        System.out.println("  replayed: " + buggy.replay(Decisions.parse(line)).failure().getMessage());

        ExploreResult fixed = Simulation.of(Exploring::lockedDeposits).explore(2);
        System.out.println("fixed: " + fixed.report());
    }
    // end::example[]
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import dev.simloop.sync.Lock;
import java.util.HashMap;
import java.util.Map;

/**
 * Lock-ordering deadlock: a transfer locks its source account, loads it, then locks its destination; two transfers in
 * opposite directions each hold the lock the other needs.
 *
 * <p>The second transfer arrives over the network at the instant the first one finishes loading its source; in FIFO
 * order the first takes both locks before the second takes any. One departure lets each take its first lock, and the
 * loop reports the deadlock with what each task waits on.
 */
final class LockOrdering {
    private LockOrdering() {}

    static Scenario scenario() {
        return new Scenario("lock-ordering", "two transfers lock two accounts in opposite orders and deadlock",
                () -> run(new Ledger()), () -> run(new FixedLedger()), 1000);
    }

    /** The buggy ledger: locks the source, then the destination. */
    static class Ledger {
        final Map<String, Lock> locks = Map.of("alice", new Lock(), "bob", new Lock());
        final Map<String, Long> balances = new HashMap<>(Map.of("alice", 100L, "bob", 100L));

        Coroutine<Void> transfer(String from, String to, long amount) {
            return Coroutine.ofVoid("transfer " + from + "->" + to, () -> move(from, to, from, to, amount));
        }

        final void move(String from, String to, String first, String second, long amount) {
            locks.get(first).acquire();
            try {
                sleep(ms(5)); // load the first account's row
                locks.get(second).acquire();
                try {
                    sleep(ms(5)); // write both rows
                    balances.merge(from, -amount, Long::sum);
                    balances.merge(to, amount, Long::sum);
                } finally {
                    locks.get(second).release();
                }
            } finally {
                locks.get(first).release();
            }
        }
    }

    /** The fix: every transfer takes the two locks in one global order, by account name. */
    static final class FixedLedger extends Ledger {
        @Override
        Coroutine<Void> transfer(String from, String to, long amount) {
            String first = from.compareTo(to) < 0 ? from : to;
            String second = first.equals(from) ? to : from;
            return Coroutine.ofVoid("transfer " + from + "->" + to, () -> move(from, to, first, second, amount));
        }
    }

    static Coroutine<Void> run(Ledger ledger) {
        return Coroutine.ofVoid("main", () -> {
            Task<Void> first = createTask(ledger.transfer("alice", "bob", 30));
            Task<Void> second = createTask("arriving", Coroutine.ofVoid(() -> {
                sleep(ms(5)); // the request arrives over the network
                await(ledger.transfer("bob", "alice", 10));
            }));
            await(first);
            await(second);
            long total = ledger.balances.get("alice") + ledger.balances.get("bob");
            Io.check(total == 200, "money was created or lost: the accounts hold " + total + ", expected 200");
        });
    }
}

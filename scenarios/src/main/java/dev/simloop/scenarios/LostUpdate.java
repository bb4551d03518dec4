package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * Lost update across an await: a transfer reads both balances, awaits the ledger, then writes back what it read
 * plus or minus the amount, so a deposit that lands while it awaits is overwritten.
 *
 * <p>The ledger write and the payment provider's confirmation take the same 2 ms; in FIFO order the transfer, which
 * started first, writes first and the deposit adds to its result. One departure from FIFO lets the deposit land
 * inside the transfer's read-await-write window.
 */
final class LostUpdate {
    private LostUpdate() {}

    static Scenario scenario() {
        return new Scenario("lost-update", "a transfer writes back balances read before an await, erasing a deposit",
                () -> run(new Bank()), () -> run(new FixedBank()), 1000);
    }

    /** An account: an id and a balance in cents. */
    static final class Account {
        final String id;
        long balance;

        Account(String id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    /** The buggy bank: the transfer computes the new balances before it awaits the ledger. */
    static class Bank {
        Coroutine<Void> transfer(Account from, Account to, long amount) {
            return Coroutine.ofVoid("transfer " + from.id + "->" + to.id, () -> {
                long fromBalance = from.balance;
                long toBalance = to.balance;
                if (fromBalance < amount) {
                    throw new IllegalStateException("insufficient funds in " + from.id);
                }
                recordInLedger(from, to, amount);
                from.balance = fromBalance - amount;
                to.balance = toBalance + amount;
            });
        }

        /** A deposit confirmed by the payment provider; correct on its own: no await between read and write. */
        Coroutine<Void> deposit(Account to, long amount) {
            return Coroutine.ofVoid("deposit " + to.id, () -> {
                sleep(ms(2)); // the payment provider confirms
                to.balance += amount;
            });
        }

        static void recordInLedger(Account from, Account to, long amount) {
            sleep(ms(2)); // the ledger's write
        }
    }

    /** The fix: await the ledger first, then check and apply the amounts to the balances as they are now. */
    static final class FixedBank extends Bank {
        @Override
        Coroutine<Void> transfer(Account from, Account to, long amount) {
            return Coroutine.ofVoid("transfer " + from.id + "->" + to.id, () -> {
                recordInLedger(from, to, amount);
                if (from.balance < amount) {
                    throw new IllegalStateException("insufficient funds in " + from.id);
                }
                from.balance -= amount;
                to.balance += amount;
            });
        }
    }

    static Coroutine<Void> run(Bank bank) {
        return Coroutine.ofVoid("main", () -> {
            Account alice = new Account("alice", 100);
            Account bob = new Account("bob", 0);
            Task<Void> transfer = createTask(bank.transfer(alice, bob, 30));
            Task<Void> deposit = createTask(bank.deposit(bob, 50));
            await(transfer);
            await(deposit);
            Io.check(alice.balance == 70 && bob.balance == 80, "lost update: alice has " + alice.balance
                    + " and bob " + bob.balance + ", expected 70 and 80");
        });
    }
}

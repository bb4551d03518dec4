package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code account_bad} (concurrent-software-benchmarks/account_bad.c): a deposit, a withdrawal and a check
 * of the balance, three threads on one mutex {@code m}.
 *
 * <p>The bug: the checker asserts {@code balance == (x - y) - z} once both the deposit ({@code + y}) and the
 * withdrawal ({@code - z}) are done, but the balance is then {@code x + y - z}. It fails whenever
 * {@code check_result}, created first, takes the mutex after both others; a round-robin order lets it take the mutex
 * first, see neither flag set, and pass.
 *
 * <p>Deviation: the C {@code main} returns without joining its threads; this one joins them in creation order
 * ({@code check_result}, {@code deposit}, {@code withdraw}), so that they run at all.
 */
final class Account {
    private Account() {}

    /** The globals of one run. */
    private static final class State {
        final Mutex m = new Mutex("m");
        final SharedInt x = new SharedInt("x", 0);
        final SharedInt y = new SharedInt("y", 0);
        final SharedInt z = new SharedInt("z", 0);
        final SharedInt balance = new SharedInt("balance", 0);
        final SharedBool depositDone = new SharedBool("deposit_done", false);
        final SharedBool withdrawDone = new SharedBool("withdraw_done", false);
    }

    /**
     * The main coroutine of a run, with fresh globals.
     *
     * @return the coroutine
     */
    static Coroutine<Void> program() {
        return Coroutine.ofVoid("main", () -> {
            State s = new State();
            Threads threads = new Threads();
            s.x.set(1);
            s.y.set(2);
            s.z.set(4);
            s.balance.set(s.x.get());
            Task<Void> t3 = threads.create("check_result", () -> checkResult(s));
            Task<Void> t1 = threads.create("deposit", () -> deposit(s));
            Task<Void> t2 = threads.create("withdraw", () -> withdraw(s));
            threads.join(t3);
            threads.join(t1);
            threads.join(t2);
        });
    }

    private static void deposit(State s) {
        s.m.lock();
        s.balance.set(s.balance.get() + s.y.get());
        s.depositDone.set(true);
        s.m.unlock();
    }

    private static void withdraw(State s) {
        s.m.lock();
        s.balance.set(s.balance.get() - s.z.get());
        s.withdrawDone.set(true);
        s.m.unlock();
    }

    private static void checkResult(State s) {
        s.m.lock();
        if (s.depositDone.get() && s.withdrawDone.get()) {
            int balance = s.balance.get();
            int expected = (s.x.get() - s.y.get()) - s.z.get();
            if (balance != expected) {
                throw new AssertionError("account: balance is " + balance
                        + " after the deposit and the withdrawal, but the check expects (x - y) - z = " + expected);
            }
        }
        s.m.unlock();
    }
}

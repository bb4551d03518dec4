package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.yieldNow;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;

public class SuspensionPoints {
    // tag::example[]
    static final class Account {
        int balance = 100;
    }

    static Coroutine<Void> deposit(Account account, String who, int amount) {
        return Coroutine.ofVoid(() -> {
            int seen = account.balance;         // read
            yieldNow();                         // a suspension point: others may run here
            account.balance = seen + amount;    // write what was computed from a stale read
            System.out.println(who + " wrote " + account.balance);
        });
    }

    public static void main(String[] args) {
        Account account = new Account();
        EventLoop.run(Coroutine.ofVoid(() -> {
            Task<Void> alice = createTask(deposit(account, "alice", 10));
            Task<Void> bob = createTask(deposit(account, "bob", 20));
            await(alice);
            await(bob);
            System.out.println("balance " + account.balance + ", expected 130");
        }));
    }
    // end::example[]
}

package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import dev.simloop.sync.Lock;
import dev.simloop.sync.Queue;
import java.time.Duration;

public class LockAndQueue {
    // tag::example[]
    static final class Account {
        int balance = 100;
    }

    static Coroutine<Void> deposit(Account account, Lock lock, int amount) {
        return Coroutine.ofVoid(() -> {
            lock.acquire();                 // suspends while another task holds the lock
            try {
                int seen = account.balance;
                yieldNow();                 // others run, but none of them can get at the balance
                account.balance = seen + amount;
            } finally {
                lock.release();
            }
        });
    }

    public static void main(String[] args) {
        EventLoop.run(Coroutine.ofVoid(() -> {
            Account account = new Account();
            Lock lock = new Lock();
            Task<Void> alice = createTask(deposit(account, lock, 10));
            Task<Void> bob = createTask(deposit(account, lock, 20));
            await(alice);
            await(bob);
            System.out.println("balance " + account.balance);

            Queue<String> orders = new Queue<>(2);          // put() waits while 2 are queued
            Task<Void> kitchen = createTask("kitchen", Coroutine.ofVoid(() -> {
                while (true) {
                    String order = orders.get();            // waits for the next order
                    sleep(Duration.ofMinutes(5));
                    System.out.println("served " + order);
                    orders.taskDone();
                }
            }));
            for (String order : new String[] {"soup", "pasta", "cake"}) {
                orders.put(order);
            }
            orders.join();                                  // until every order is done
            kitchen.cancel();
            System.out.println("all served after " + Duration.ofNanos(currentLoop().time()));
        }));
    }
    // end::example[]
}

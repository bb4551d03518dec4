package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.yieldNow;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Policy;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

public class Scopes {
    // tag::example[]
    /** Task a takes one step; task b takes two, with a pause between them. The order they ran in. */
    static Coroutine<String> race() {
        return Coroutine.of("main", () -> {
            List<String> order = new ArrayList<>();
            Task<Void> a = createTask("a", Coroutine.ofVoid(() -> order.add("a1")));
            Task<Void> b = createTask("b", Coroutine.ofVoid(() -> {
                order.add("b1");
                yieldNow();                          // another task may run here
                order.add("b2");
            }));
            await(a);
            await(b);
            return String.join(" ", order);
        });
    }

    public static void main(String[] args) {
        for (Policy policy : new Policy[] {Policy.random(), Policy.random().perIteration()}) {
            TreeSet<String> orders = new TreeSet<>();
            for (long seed = 0; seed < 100; seed++) {
                orders.add(EventLoop.builder().policy(policy).seed(seed).run(race()));
            }
            System.out.println(policy + ": " + orders);
        }
    }
    // end::example[]
}

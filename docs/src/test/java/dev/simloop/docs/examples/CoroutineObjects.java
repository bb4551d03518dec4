package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;

public class CoroutineObjects {
    // tag::example[]
    static Coroutine<String> greet(String name) {      // a coroutine function
        return Coroutine.of("greet " + name, () -> {
            System.out.println("greeting " + name);
            return "hello, " + name;
        });
    }

    public static void main(String[] args) {
        EventLoop.run(Coroutine.ofVoid(() -> {
            Coroutine<String> greeting = greet("Ada");   // a coroutine object: nothing runs yet
            System.out.println("created " + greeting);
            System.out.println(await(greeting));         // runs now, inside this task
            try {
                await(greeting);                          // a coroutine runs once
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
            }
        }));
    }
    // end::example[]
}

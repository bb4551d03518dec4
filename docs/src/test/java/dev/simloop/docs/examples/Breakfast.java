package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import java.time.Duration;

public class Breakfast {
    // tag::example[]
    public static void main(String[] args) {
        EventLoop.run(Coroutine.ofVoid(() -> {
            Task<Void> tea = createTask("tea", Coroutine.ofVoid(() -> {
                say("kettle on");
                sleep(Duration.ofMinutes(3));
                say("tea is ready");
            }));
            Task<Void> toast = createTask("toast", Coroutine.ofVoid(() -> {
                say("bread in the toaster");
                sleep(Duration.ofMinutes(2));
                say("toast pops up");
            }));
            await(tea);
            await(toast);
            say("breakfast");
        }));
    }

    static void say(String what) {
        long seconds = currentLoop().time() / 1_000_000_000L;
        System.out.println("[" + seconds + " s] " + what);
    }
    // end::example[]
}

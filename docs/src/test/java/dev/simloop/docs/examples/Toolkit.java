package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.waitFor;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.SimTimeoutException;
import dev.simloop.TaskGroup;
import dev.simloop.TaskGroupException;
import java.time.Duration;
import java.util.List;

public class Toolkit {
    // tag::example[]
    static Coroutine<String> fetch(String page, int seconds) {
        return Coroutine.of(page, () -> {
            sleep(Duration.ofSeconds(seconds));
            if (page.startsWith("broken")) {
                throw new IllegalStateException(page + " answered 500");
            }
            return page.toUpperCase();
        });
    }

    public static void main(String[] args) {
        EventLoop.run(Coroutine.ofVoid(() -> {
            // gather: run side by side, results in argument order
            List<String> pages = await(gather(fetch("a", 3), fetch("b", 1), fetch("c", 2)));
            say("gathered " + pages);

            // waitFor: give up after 5 s of virtual time, cancelling the fetch
            try {
                waitFor(fetch("slow", 60), Duration.ofSeconds(5));
            } catch (SimTimeoutException e) {
                say("slow timed out");
            }

            // TaskGroup: wait for every child; the first failure cancels the others
            try {
                TaskGroup.run(group -> {
                    group.createTask(fetch("d", 1));
                    group.createTask(fetch("broken", 2));
                    group.createTask(fetch("e", 10));
                });
            } catch (TaskGroupException e) {
                say("group failed: " + e.exceptions().get(0).getMessage());
            }
        }));
    }

    static void say(String what) {
        System.out.println("[" + currentLoop().time() / 1_000_000_000L + " s] " + what);
    }
    // end::example[]
}

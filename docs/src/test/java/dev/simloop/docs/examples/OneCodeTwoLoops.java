package dev.simloop.docs.examples;

import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.toThread;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import java.time.Duration;
import java.util.concurrent.Callable;

public class OneCodeTwoLoops {
    // tag::example[]
    record Greeting(String text, long millis) {}

    /** Service logic, written once: a blocking look-up, then a pause. */
    static Coroutine<Greeting> greet(Callable<String> lookUpName) {
        return Coroutine.of(() -> {
            long start = currentLoop().time();
            String name = toThread(lookUpName);        // real time: on another thread; simulation: one step
            sleep(Duration.ofMillis(50));               // real time: 50 ms; simulation: no wall-clock time
            return new Greeting("hello " + name, (currentLoop().time() - start) / 1_000_000);
        });
    }

    public static void main(String[] args) {
        Greeting real = EventLoop.builder().realTime().run(greet(() -> {
            Thread.sleep(10);                           // a real blocking call
            return "ada";
        }));
        Greeting simulated = EventLoop.run(greet(() -> "ada"));   // a fake of it
        System.out.println("real time:  " + real.text() + ", at least 60 ms later: " + (real.millis() >= 60));
        System.out.println("simulation: " + simulated.text() + ", " + simulated.millis() + " ms later");
    }
    // end::example[]
}

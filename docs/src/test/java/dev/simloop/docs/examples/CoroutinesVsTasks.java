package dev.simloop.docs.examples;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import java.time.Duration;

public class CoroutinesVsTasks {
    // tag::example[]
    static Coroutine<Void> download(String file, int seconds) {
        return Coroutine.ofVoid(() -> sleep(Duration.ofSeconds(seconds)));
    }

    public static void main(String[] args) {
        long oneAfterAnother = EventLoop.run(Coroutine.of(() -> {
            await(download("a.txt", 1));      // awaiting a coroutine runs it to the end...
            await(download("b.txt", 2));      // ...before the next one starts
            return currentLoop().time();
        }));
        long together = EventLoop.run(Coroutine.of(() -> {
            Task<Void> a = createTask(download("a.txt", 1));   // tasks start at once
            Task<Void> b = createTask(download("b.txt", 2));   // and run concurrently
            await(a);
            await(b);
            return currentLoop().time();
        }));
        System.out.println("coroutines one after another: " + Duration.ofNanos(oneAfterAnother));
        System.out.println("tasks side by side:           " + Duration.ofNanos(together));
    }
    // end::example[]
}

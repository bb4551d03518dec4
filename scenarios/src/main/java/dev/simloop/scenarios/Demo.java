package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.LoopListener;
import dev.simloop.Task;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * An example beside the scenarios: a small simulation that prints what happened and when, through a
 * {@link LoopListener}.
 *
 * <p>Three fetches with different latencies run concurrently beside a background heartbeat; one of them fails.
 * Everything happens in virtual time, so the 300 ms of the slowest fetch pass at once, and the timeline is the same
 * on every run and on either strand backend.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Demo {
    private Demo() {}

    public static void main(String[] args) {
        long wallStart = System.nanoTime();
        String summary = run(System.out);
        long wallMicros = (System.nanoTime() - wallStart) / 1_000;
        System.out.println(summary);
        System.out.printf(Locale.ROOT, "(%d us of wall-clock time)%n", wallMicros);
    }

    /**
     * Runs the simulation, printing its timeline to {@code out}.
     *
     * @param out where the timeline goes, not null
     * @return the one-line summary of the results
     */
    public static String run(PrintStream out) {
        Timeline timeline = new Timeline(out);
        EventLoop.Builder builder = EventLoop.builder().name("demo").listener(timeline);
        out.println("virtual time  step  event");
        return builder.run(Coroutine.of("main", () -> {
            createTaskInBackground();
            List<Task<String>> fetches = List.of(
                    createTask(fetch("fetch-A", Duration.ofMillis(120), null)),
                    createTask(fetch("fetch-B", Duration.ofMillis(40), null)),
                    createTask(fetch("fetch-C", Duration.ofMillis(300), "upstream timed out")));
            StringBuilder results = new StringBuilder("results:");
            for (Task<String> f : fetches) {
                try {
                    String value = await(f);
                    results.append(' ').append(value);
                } catch (Exception e) { // await rethrows the IOException unchanged, undeclared
                    results.append(' ').append(f.name()).append(" failed (").append(e.getMessage()).append(')');
                }
            }
            return results.append(" at virtual time ").append(Timeline.seconds(currentLoop().time())).toString();
        }));
    }

    private static void createTaskInBackground() {
        currentLoop().createBackgroundTask("heartbeat", Coroutine.ofVoid(() -> {
            while (true) {
                sleep(Duration.ofMillis(100));
            }
        }));
    }

    private static Coroutine<String> fetch(String name, Duration latency, String failure) {
        return Coroutine.of(name, () -> {
            sleep(latency);
            if (failure != null) {
                throw new IOException(failure);
            }
            return name.substring(name.length() - 1);
        });
    }

    /** Prints each task event with its virtual time and step. */
    private static final class Timeline implements LoopListener {
        private final PrintStream out;

        Timeline(PrintStream out) {
            this.out = out;
        }

        static String seconds(long nanos) {
            return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
        }

        private void print(Task<?> task, String what) {
            EventLoop loop = currentLoop();
            out.printf(Locale.ROOT, "%12s  %4d  %-9s %s%n", seconds(loop.time()), loop.stepCount(), task.name(), what);
        }

        @Override
        public void taskStarted(Task<?> task) {
            print(task, "started");
        }

        @Override
        public void taskSuspended(Task<?> task, Object on) {
            print(task, "waits on " + (on instanceof Duration d ? "sleep " + d.toMillis() + " ms"
                    : on instanceof Task<?> t ? "task " + t.name() : on));
        }

        @Override
        public void taskResumed(Task<?> task) {
            print(task, "resumed");
        }

        @Override
        public void taskFinished(Task<?> task) {
            print(task, task.isCancelled() ? "cancelled"
                    : task.exception() != null ? "failed: " + task.exception().getMessage()
                    : "finished: " + task.result());
        }
    }
}

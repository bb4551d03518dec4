package dev.simloop.scenarios;

import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.sync.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Missed wake-up: a batch writer waits for a "dirty" event, drains what was submitted, writes it, and then clears the
 * event, erasing a {@code set()} that came while it wrote; the last item then waits forever.
 *
 * <p>A write takes 10 ms and items come 10 ms apart (the producer acknowledges each in 1 ms, then takes the next), so
 * each submit lands at the instant a write ends. FIFO ends the write (and clears) first; departures at the last
 * items let a submit's {@code set()} come first and be cleared.
 */
final class MissedWakeup {
    private MissedWakeup() {}

    static Scenario scenario() {
        return new Scenario("missed-wakeup", "a worker clears its wake-up event after a write, losing a set() that "
                + "came meanwhile", () -> run(new BatchWriter()), () -> run(new FixedBatchWriter()), 1000);
    }

    /** The buggy writer: clears the event once the batch is written. */
    static class BatchWriter {
        final Event dirty = new Event();
        final List<String> pending = new ArrayList<>();
        final List<String> stored = new ArrayList<>();

        void submit(String item) {
            pending.add(item);
            dirty.set();
        }

        Coroutine<Void> worker() {
            return Coroutine.ofVoid("writer", () -> {
                while (true) {
                    dirty.await();
                    List<String> batch = drain();
                    sleep(ms(10)); // write the batch to disk
                    stored.addAll(batch);
                    dirty.clear();
                }
            });
        }

        final List<String> drain() {
            List<String> batch = new ArrayList<>(pending);
            pending.clear();
            return batch;
        }
    }

    /** The fix: clear the event before draining, so a later submit sets it again. */
    static final class FixedBatchWriter extends BatchWriter {
        @Override
        Coroutine<Void> worker() {
            return Coroutine.ofVoid("writer", () -> {
                while (true) {
                    dirty.await();
                    dirty.clear();
                    List<String> batch = drain();
                    sleep(ms(10)); // write the batch to disk
                    stored.addAll(batch);
                }
            });
        }
    }

    static Coroutine<Void> run(BatchWriter writer) {
        return Coroutine.ofVoid("producer", () -> {
            currentLoop().createBackgroundTask("writer", writer.worker());
            for (int i = 0; i < 4; i++) {
                writer.submit("item-" + i);
                sleep(ms(1)); // acknowledge the client
                sleep(ms(9)); // the next item arrives
            }
            sleep(ms(100)); // a quiet period: everything submitted should be written by now
            Io.check(writer.stored.size() == 4, "missed wake-up: " + writer.stored.size() + " of 4 items written, "
                    + writer.pending + " still pending");
        });
    }
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import dev.simloop.sync.Queue;
import dev.simloop.sync.QueueShutDownException;
import java.util.ArrayList;
import java.util.List;

/**
 * Producer/consumer on a bounded queue with shutdown: a consumer checks "shut down and empty" before {@code get()},
 * but a consumer that checked before the shutdown waits in {@code get()} and is woken by it with
 * {@link QueueShutDownException}, which it does not expect.
 *
 * <p>The producer fetches an item every 10 ms and the worker takes 5 ms over each. After the last item the producer
 * closes its source (5 ms) and shuts the queue down at the instant the worker finishes; FIFO runs the producer first
 * and the worker sees the shutdown. One departure lets the worker check, then wait in {@code get()}.
 */
final class ProducerConsumer {
    private ProducerConsumer() {}

    static Scenario scenario() {
        return new Scenario("producer-consumer", "a worker waiting on a bounded queue dies when the producer shuts "
                + "it down", () -> run(new Workers()), () -> run(new FixedWorkers()), 1000);
    }

    /** The buggy worker: it stops when the queue is shut down and empty, checked before each get. */
    static class Workers {
        final Queue<String> queue = new Queue<>(2);
        final List<String> processed = new ArrayList<>();

        Coroutine<Void> worker(String name) {
            return Coroutine.ofVoid(name, () -> {
                while (!(queue.isShutDown() && queue.empty())) {
                    process(queue.get());
                }
            });
        }

        final void process(String item) {
            sleep(ms(5)); // handle the item
            processed.add(item);
        }
    }

    /** The fix: a worker runs until {@code get()} says the queue is shut down and drained. */
    static final class FixedWorkers extends Workers {
        @Override
        Coroutine<Void> worker(String name) {
            return Coroutine.ofVoid(name, () -> {
                while (true) {
                    String item;
                    try {
                        item = queue.get();
                    } catch (QueueShutDownException e) {
                        return;
                    }
                    process(item);
                }
            });
        }
    }

    static Coroutine<Void> run(Workers workers) {
        return Coroutine.ofVoid("producer", () -> {
            Task<Void> worker = createTask(workers.worker("worker"));
            for (int i = 0; i < 6; i++) {
                sleep(ms(10)); // fetch the next item
                workers.queue.put("item-" + i);
            }
            sleep(ms(5)); // close the source
            workers.queue.shutdown();
            await(worker);
            Io.check(workers.processed.size() == 6, "lost items: " + workers.processed.size() + " of 6 processed");
        });
    }
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.waitFor;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.SimTimeoutException;
import dev.simloop.Task;
import dev.simloop.sync.Condition;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Missed wake-up on a condition: a consumer checks for a message before it takes the lock, then waits; a producer that
 * held the lock meanwhile signals before the consumer waits, and the consumer waits forever beside the message.
 *
 * <p>The producer writes a message to its journal (1 ms) under the lock before it makes the message visible and
 * signals. The consumer comes at the instant the producer starts; in FIFO order it checks and waits first, and the
 * signal wakes it. One departure lets the producer take the lock first.
 */
final class LostSignal {
    private LostSignal() {}

    static Scenario scenario() {
        return new Scenario("lost-signal", "a consumer checks outside the lock and waits after the signal it needed",
                () -> run(new Mailbox()), () -> run(new FixedMailbox()), 1000);
    }

    /** The buggy mailbox: {@code take} checks for a message outside the lock. */
    static class Mailbox {
        final Condition nonEmpty = new Condition();
        final Deque<String> messages = new ArrayDeque<>();

        Coroutine<Void> post(String message) {
            return Coroutine.ofVoid("post", () -> {
                nonEmpty.acquire();
                try {
                    sleep(ms(1)); // append to the journal first
                    messages.add(message);
                    nonEmpty.signal();
                } finally {
                    nonEmpty.release();
                }
            });
        }

        Coroutine<String> take() {
            return Coroutine.of("take", () -> {
                if (messages.isEmpty()) {
                    nonEmpty.acquire();
                    try {
                        nonEmpty.await();
                    } finally {
                        nonEmpty.release();
                    }
                }
                return messages.poll();
            });
        }
    }

    /** The fix: check the predicate under the lock, before every wait ({@code Condition.waitFor}). */
    static final class FixedMailbox extends Mailbox {
        @Override
        Coroutine<String> take() {
            return Coroutine.of("take", () -> {
                nonEmpty.acquire();
                try {
                    nonEmpty.waitFor(() -> !messages.isEmpty());
                    return messages.poll();
                } finally {
                    nonEmpty.release();
                }
            });
        }
    }

    static Coroutine<Void> run(Mailbox mailbox) {
        return Coroutine.ofVoid("main", () -> {
            Task<String> consumer = createTask("consumer", Coroutine.of(() -> {
                sleep(ms(5)); // the consumer starts up
                return await(mailbox.take());
            }));
            createTask("producer", Coroutine.ofVoid(() -> {
                sleep(ms(5)); // the first order comes in
                await(mailbox.post("order-1"));
            }));
            try {
                String got = waitFor(consumer, Duration.ofSeconds(1));
                Io.check("order-1".equals(got), "the consumer got " + got + ", expected order-1");
            } catch (SimTimeoutException e) {
                throw new AssertionError("lost signal: the consumer still waits after 1 s beside "
                        + mailbox.messages, e);
            }
        });
    }
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.buggify;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retry with backoff against a flaky service: the client retries a failed charge with exponential backoff, but a
 * charge whose reply was lost after the service applied it is charged twice.
 *
 * <p>The payment service fails before charging ({@code unavailable}) or loses the reply after charging
 * ({@code reply-lost}): two {@code buggify} fault points, never under FIFO. The fix sends the same idempotency key on
 * every attempt, and the service applies a key once.
 */
final class RetryBackoff {
    private RetryBackoff() {}

    static Scenario scenario() {
        return new Scenario("retry-backoff", "a retried charge whose first reply was lost charges the customer twice",
                () -> run(new PaymentClient()), () -> run(new FixedPaymentClient()), 1000);
    }

    /** A flaky payment service; it applies a charge once per idempotency key. */
    static final class PaymentService {
        final Map<String, Integer> charges = new HashMap<>();
        private final Set<String> keys = new HashSet<>();

        Coroutine<Void> charge(String order, String key) {
            return Coroutine.ofVoid("charge " + order, () -> {
                sleep(ms(5)); // the request reaches the service
                if (buggify("unavailable")) {
                    throw new IOException("503 service unavailable");
                }
                if (keys.add(key)) {
                    charges.merge(order, 1, Integer::sum);
                }
                sleep(ms(5)); // the reply travels back
                if (buggify("reply-lost")) {
                    throw new IOException("connection reset");
                }
            });
        }
    }

    /** The buggy client: every attempt is a new request. */
    static class PaymentClient {
        final PaymentService service = new PaymentService();

        Coroutine<Void> pay(String order) {
            return Coroutine.ofVoid("pay " + order, () -> {
                long backoff = 10;
                for (int attempt = 1; ; attempt++) {
                    try {
                        await(service.charge(order, key(order, attempt)));
                        return;
                    } catch (Exception e) { // await rethrows the service's IOException undeclared
                        if (!(e instanceof IOException) || attempt == 5) {
                            throw e;
                        }
                        sleep(ms(backoff));
                        backoff *= 2;
                    }
                }
            });
        }

        String key(String order, int attempt) {
            return order + "#" + attempt;
        }
    }

    /** The fix: one idempotency key per order, the same on every attempt. */
    static final class FixedPaymentClient extends PaymentClient {
        @Override
        String key(String order, int attempt) {
            return order;
        }
    }

    static Coroutine<Void> run(PaymentClient client) {
        return Coroutine.ofVoid("main", () -> {
            List<Task<Void>> payments = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                payments.add(createTask(client.pay("order-" + i)));
            }
            await(gather(true, payments));
            client.service.charges.forEach((order, n) -> Io.check(n == 1, order + " was charged " + n + " times"));
        });
    }
}

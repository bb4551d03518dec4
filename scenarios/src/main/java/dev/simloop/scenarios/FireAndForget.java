package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fire-and-forget task whose exception is lost: an order service sends each confirmation e-mail in a task it never
 * looks at again; when the mailer's one connection is busy the send fails, nobody hears of it, and the customer gets
 * no e-mail.
 *
 * <p>Orders come 10 ms apart, saving one takes 10 ms, and a send renders for 1 ms and talks to the SMTP server
 * for 10 ms, so each send checks the connection at the instant the one before it ends. FIFO ends the earlier send
 * first; one departure makes the connection still busy. simloop also reports the exception nobody retrieved.
 */
final class FireAndForget {
    private FireAndForget() {}

    static Scenario scenario() {
        return new Scenario("fire-and-forget", "a confirmation e-mail sent in a forgotten task fails unnoticed",
                () -> run(new OrderService()), () -> run(new FixedOrderService()), 1000);
    }

    /** A mailer with one SMTP connection: a send while another is under way fails. */
    static final class Mailer {
        final List<String> sent = new ArrayList<>();
        private boolean busy;

        Coroutine<Void> send(String order) {
            return Coroutine.ofVoid("send " + order, () -> {
                sleep(ms(1)); // render the template
                if (busy) {
                    throw new IllegalStateException("SMTP connection busy; confirmation of " + order + " not sent");
                }
                busy = true;
                try {
                    sleep(ms(10)); // talk to the SMTP server
                    sent.add(order);
                } finally {
                    busy = false;
                }
            });
        }
    }

    /** The buggy service: saves the order, then fires the e-mail and forgets it. */
    static class OrderService {
        final Mailer mailer = new Mailer();

        Coroutine<Void> place(String order) {
            return Coroutine.ofVoid("place " + order, () -> {
                sleep(ms(10)); // save the order
                confirm(order);
            });
        }

        void confirm(String order) {
            createTask(mailer.send(order));
        }

        void close() {}
    }

    /** The fix: keep every send, retry a failed one, and wait for them all before closing. */
    static final class FixedOrderService extends OrderService {
        private final Set<Task<Void>> sending = new LinkedHashSet<>();

        @Override
        void confirm(String order) {
            Task<Void> t = createTask(Coroutine.ofVoid("confirm " + order, () -> {
                for (int attempt = 1; ; attempt++) {
                    try {
                        await(mailer.send(order));
                        return;
                    } catch (IllegalStateException busy) {
                        sleep(ms(10L * attempt)); // back off, then try again
                    }
                }
            }));
            sending.add(t);
            t.addDoneCallback(sending::remove);
        }

        @Override
        void close() {
            await(gather(new ArrayList<>(sending)));
        }
    }

    static Coroutine<Void> run(OrderService service) {
        return Coroutine.ofVoid("main", () -> {
            List<Task<Void>> orders = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                orders.add(createTask(service.place("order-" + i)));
                sleep(ms(10)); // the next order comes in
            }
            await(gather(orders));
            sleep(ms(50)); // let the e-mails go out
            service.close();
            Io.check(service.mailer.sent.size() == 3, "lost confirmations: " + service.mailer.sent.size()
                    + " of 3 e-mails sent");
        });
    }
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.NetIo.ms;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.net.Address;
import dev.simloop.net.Disk;
import dev.simloop.net.Link;
import dev.simloop.net.Listener;
import dev.simloop.net.NetException;
import dev.simloop.net.Network;
import dev.simloop.net.Node;
import dev.simloop.net.Stream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * An at-least-once consumer that double-applies a message redelivered after a crash.
 *
 * <p>A broker sends twenty payments over a stream, three at a time, and forgets each one when the consumer
 * acknowledges it; a broken connection puts the unacknowledged ones back. The consumer adds each amount to a total
 * on its disk, syncs, then acknowledges. It crashes now and then (and restarts). A crash after the sync and before the
 * acknowledgement arrives makes the broker send that payment again, and the buggy consumer adds it twice. The fix
 * stores the id of the last payment applied with the total, in one write, and acknowledges a payment it has already
 * applied without applying it again.
 */
final class Redelivery {
    private Redelivery() {}

    static Scenario scenario() {
        return new Scenario("redelivery", "an at-least-once consumer applies a payment again when it is redelivered "
                + "after a crash", () -> run(false), () -> run(true), 2000);
    }

    static final int PAYMENTS = 20;
    static final int WINDOW = 3;
    static final Address BROKER = new Address("broker", 9);

    record Payment(int id, int amount) {}

    record Ack(int id) {}

    /** The consumer's durable state: the total and, in the fix, the last payment applied. */
    record Balance(long total, int lastId) {}

    static void broker(Node node, ArrayDeque<Payment> unacked) {
        Listener l = node.listen(BROKER.port());
        node.spawn("broker", Coroutine.ofVoid(() -> {
            while (true) {
                Stream s = l.accept();
                List<Payment> inFlight = new ArrayList<>();
                try {
                    while (true) {
                        for (Payment p : unacked) {
                            if (inFlight.size() >= WINDOW) {
                                break;
                            }
                            if (!inFlight.contains(p)) {
                                s.write(p);
                                inFlight.add(p);
                            }
                        }
                        Object ack = s.read();
                        if (ack == null) {
                            break;
                        }
                        Payment done = inFlight.remove(0);
                        NetIo.check(((Ack) ack).id() == done.id(), "acks out of order: " + ack + " for " + done);
                        unacked.remove(done);
                    }
                } catch (NetException broken) {
                    // The unacknowledged payments stay queued for the next connection.
                }
            }
        }));
    }

    static void consumer(Node node, boolean fixed) {
        Disk disk = node.disk();
        node.spawn("consumer", Coroutine.ofVoid(() -> {
            while (true) {
                try {
                    Stream s = node.connect(BROKER);
                    for (Object m; (m = s.read()) != null; ) {
                        Payment p = (Payment) m;
                        Balance b = (Balance) disk.get("balance");
                        if (b == null) {
                            b = new Balance(0, 0);
                        }
                        if (!fixed || p.id() > b.lastId()) {
                            disk.put("balance", new Balance(b.total() + p.amount(), p.id()));
                            disk.sync();
                        }
                        s.write(new Ack(p.id()));
                    }
                } catch (NetException broken) {
                    sleep(ms(10));
                }
            }
        }));
    }

    static Coroutine<Void> run(boolean fixed) {
        return Coroutine.ofVoid("main", () -> {
            EventLoop loop = currentLoop();
            Network net = Network.create(loop).defaultLink(Link.latency(ms(1), ms(10)));
            ArrayDeque<Payment> unacked = new ArrayDeque<>();
            long expected = 0;
            for (int i = 1; i <= PAYMENTS; i++) {
                Payment p = new Payment(i, 10 * i);
                unacked.add(p);
                expected += p.amount();
            }
            net.addNode("broker", n -> broker(n, unacked));
            Node consumer = net.addNode("consumer", n -> consumer(n, fixed));
            // The nemesis: crashes the consumer three times, each after a random while, for 20-60 ms.
            for (int i = 0; i < 3; i++) {
                sleep(ms(loop.random().nextInt(60)));
                net.crash("consumer");
                sleep(ms(20 + loop.random().nextInt(40)));
                net.restart("consumer");
            }
            while (!unacked.isEmpty()) {
                sleep(ms(10));
            }
            Balance b = (Balance) consumer.disk().get("balance");
            NetIo.check(b.total() == expected, "double-applied payment: the consumer's total is " + b.total()
                    + ", expected " + expected + " for " + PAYMENTS + " payments");
        });
    }
}

package dev.simloop.bench;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import dev.simloop.TraceLevel;
import dev.simloop.net.Address;
import dev.simloop.net.Endpoint;
import dev.simloop.net.Link;
import dev.simloop.net.Network;
import dev.simloop.net.Node;
import dev.simloop.net.lin.History;
import dev.simloop.net.lin.Linearizability;
import dev.simloop.net.lin.Register;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The simulated network's figures. {@code net_msgs_per_s}: datagrams delivered per second of wall time on one thread,
 * default trace: 10 nodes, each sending to seeded random others in bursts of 100 every virtual millisecond over links
 * of 1-10 ms, and receiving. {@code lin_check_ms}: checking a linearizable 1,000-operation register history of 10
 * clients. Each figure is the median of several measurements after a warm-up. Wall-clock figures, so a benchmark,
 * never a unit test.
 */
public final class NetBench {
    /** The register model, whose apply gives each operation's effect. */
    private static final Register REGISTER = Register.startingAt(0);

    private NetBench() {}

    static final int NODES = 10;
    static final int PORT = 1;

    /**
     * One simulation that delivers about {@code messages} datagrams; returns how many it delivered. With
     * {@code wakePerMessage} each node's receiver task waits in {@code receive()} and so is woken for every datagram;
     * otherwise it drains its endpoint every virtual millisecond, as a polling server does, and the figure is the
     * network's own cost (send, seeded latency draw, delivery timer, inbox).
     */
    static long exchange(long seed, int messages, boolean wakePerMessage) {
        return EventLoop.builder().seed(seed).trace(TraceLevel.DEFAULT).run(Coroutine.of(() -> {
            Network net = Network.create().defaultLink(Link.latency(Duration.ofMillis(1), Duration.ofMillis(10)));
            int perNode = messages / NODES;
            List<Task<Void>> senders = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                int me = n;
                net.addNode("n" + n, node -> {
                    Endpoint e = node.bind(PORT);
                    node.spawn("receive", Coroutine.ofVoid(() -> {
                        while (true) {
                            if (wakePerMessage) {
                                e.receive();
                            } else {
                                sleep(Duration.ofMillis(1));
                                while (e.poll() != null) {
                                    // drained
                                }
                            }
                        }
                    }));
                    senders.add(node.spawn("send", Coroutine.ofVoid(() -> send(node, e, me, perNode))));
                });
            }
            for (Task<Void> t : senders) {
                await(t);
            }
            sleep(Duration.ofMillis(20)); // the last ones arrive
            return net.delivered();
        }));
    }

    private static void send(Node node, Endpoint e, int me, int count) {
        RandomGenerator random = currentLoop().random();
        Address[] others = new Address[NODES - 1];
        for (int i = 0, k = 0; i < NODES; i++) {
            if (i != me) {
                others[k++] = new Address("n" + i, PORT);
            }
        }
        for (int i = 0; i < count; i++) {
            e.send(others[random.nextInt(others.length)], i);
            if (i % 100 == 99) {
                sleep(Duration.ofMillis(1));
            }
        }
    }

    private static void messages(String name, boolean wakePerMessage) {
        int messages = 1_000_000;
        for (int i = 0; i < 3; i++) {
            exchange(i, messages, wakePerMessage); // warm-up
        }
        double[] rates = new double[5];
        long delivered = 0;
        for (int i = 0; i < rates.length; i++) {
            long start = System.nanoTime();
            delivered = exchange(100 + i, messages, wakePerMessage);
            rates[i] = delivered / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "simloop-bench %s %.0f msgs/s%n", name, rates[rates.length / 2]);
        System.out.printf(Locale.ROOT, "# %s: median of %d runs (%.0f-%.0f), %d datagrams each, 10 nodes, "
                + "receivers %s, "
                + "default trace, 1 thread%n", name, rates.length, rates[0], rates[rates.length - 1], delivered,
                wakePerMessage ? "woken per datagram" : "draining every virtual ms");
    }

    /** A linearizable history of an atomic register: {@code ops} operations by {@code clients} clients. */
    static History<Register.Op, Object> registerHistory(int ops, int clients, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        History<Register.Op, Object> h = History.create();
        Register.Op[] open = new Register.Op[clients];
        Object value = 0;
        int invoked = 0;
        int pending = 0;
        while (invoked < ops || pending > 0) {
            int c = random.nextInt(clients);
            if (open[c] == null && invoked < ops) {
                int kind = random.nextInt(3);
                open[c] = kind == 0 ? Register.read() : kind == 1 ? Register.write(invoked)
                        : Register.cas(random.nextInt(Math.max(1, invoked)), invoked);
                h.invoke("c" + c, open[c]);
                invoked++;
                pending++;
            } else if (open[c] != null) {
                Register.Op op = open[c];
                // What the operation returns, then its effect through the register model itself.
                Object out = switch (op.kind()) {
                    case READ -> value;
                    case WRITE -> null;
                    case CAS -> value.equals(op.expected());
                };
                value = REGISTER.apply(value, op);
                h.ok("c" + c, out);
                open[c] = null;
                pending--;
            }
        }
        return h;
    }

    static void run() {
        messages("net_msgs_per_s", false);
        messages("net_msgs_per_s.wake", true);

        History<Register.Op, Object> history = registerHistory(1000, 10, 7);
        Register model = Register.startingAt(0);
        for (int i = 0; i < 20; i++) {
            Linearizability.check(model, history); // warm-up
        }
        double[] ms = new double[11];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            if (!Linearizability.check(model, history).isLinearizable()) {
                throw new AssertionError("the benchmark's history must be linearizable");
            }
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "simloop-bench lin_check_ms %.2f ms%n", ms[ms.length / 2]);
        System.out.printf(Locale.ROOT, "# lin_check_ms: median of %d checks (%.2f-%.2f), 1,000 operations of 10 "
                + "clients on a register (read, write, cas), linearizable%n", ms.length, ms[0], ms[ms.length - 1]);
    }
}

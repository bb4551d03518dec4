package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.NetIo.ms;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import dev.simloop.net.Address;
import dev.simloop.net.Datagram;
import dev.simloop.net.Endpoint;
import dev.simloop.net.Link;
import dev.simloop.net.Network;
import dev.simloop.net.Node;
import dev.simloop.net.lin.History;
import dev.simloop.net.lin.Linearizability;
import dev.simloop.net.lin.LinearizabilityResult;
import dev.simloop.net.lin.Register;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A register replicated on three nodes (ABD-style: versioned values, majority quorums) whose read skips the quorum.
 *
 * <p>A writer stores each value on a majority; two readers read. The buggy read asks one replica, the reader's
 * nearest, and returns what it has: when that replica is cut off by a partition (or just behind), the read returns a
 * value older than one whose write had completed before the read began. The linearizability checker finds it in the
 * history the clients recorded. The fix reads from a majority, takes the newest version, and writes it back to a
 * majority before returning (so a later read cannot see an older value).
 */
final class QuorumRead {
    private QuorumRead() {}

    static Scenario scenario() {
        return new Scenario("quorum-read", "a replicated register reads one replica, which a partition left behind",
                () -> run(false), () -> run(true), 2000);
    }

    static final String[] REPLICAS = {"r1", "r2", "r3"};
    static final int PORT = 1;

    /** Replica messages: a write of a version, a read, and their answers. */
    record Write(int request, int version, int value) {}

    record Read(int request) {}

    record Ack(int request) {}

    record Value(int request, int version, int value) {}

    /** A replica: keeps the highest version it was sent, answers reads with it. */
    static void replica(Node node) {
        Endpoint e = node.bind(PORT);
        node.spawn("replica", Coroutine.ofVoid(() -> {
            int version = 0;
            int value = 0;
            while (true) {
                Datagram d = e.receive();
                if (d.payload() instanceof Write w) {
                    if (w.version() > version) {
                        version = w.version();
                        value = w.value();
                    }
                    e.send(d.from(), new Ack(w.request()));
                } else if (d.payload() instanceof Read r) {
                    e.send(d.from(), new Value(r.request(), version, value));
                }
            }
        }));
    }

    /** A client of the register: sends a request to some replicas until {@code needed} distinct ones answer. */
    static final class Client {
        private final Endpoint endpoint;
        private int requests;

        Client(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        /** The answers of {@code needed} distinct replicas among {@code to}, resending every 20 ms. */
        List<Object> ask(List<String> to, int needed, IntFunction<Object> message) {
            int request = ++requests;
            List<String> answered = new ArrayList<>();
            List<Object> answers = new ArrayList<>();
            while (answered.size() < needed) {
                for (String r : to) {
                    if (!answered.contains(r)) {
                        endpoint.send(new Address(r, PORT), message.apply(request));
                    }
                }
                long until = currentLoop().time() + ms(20).toNanos();
                Datagram d;
                while (answered.size() < needed
                        && (d = NetIo.receive(endpoint, Duration.ofNanos(Math.max(1, until - currentLoop().time()))))
                                != null) {
                    int req = d.payload() instanceof Ack a ? a.request()
                            : d.payload() instanceof Value v ? v.request() : -1;
                    if (req == request && !answered.contains(d.from().node())) {
                        answered.add(d.from().node());
                        answers.add(d.payload());
                    }
                }
            }
            return answers;
        }

        void write(int version, int value) {
            ask(List.of(REPLICAS), 2, req -> new Write(req, version, value));
        }

        /** The buggy read: one replica's value. */
        int readOne(String replica) {
            return ((Value) ask(List.of(replica), 1, Read::new).get(0)).value();
        }

        /** The fixed read: the newest of a majority, written back to a majority. */
        int readQuorum() {
            Value newest = null;
            for (Object o : ask(List.of(REPLICAS), 2, Read::new)) {
                Value v = (Value) o;
                if (newest == null || v.version() > newest.version()) {
                    newest = v;
                }
            }
            Value n = newest;
            write(n.version(), n.value());
            return n.value();
        }
    }

    static Coroutine<Void> run(boolean fixed) {
        return Coroutine.ofVoid("main", () -> {
            EventLoop loop = currentLoop();
            Network net = Network.create(loop).defaultLink(Link.latency(ms(1), ms(10)).withLoss(0.02));
            for (String r : REPLICAS) {
                net.addNode(r, QuorumRead::replica);
            }
            History<Register.Op, Object> history = History.timed(loop::time);
            List<Task<?>> clients = new ArrayList<>();
            net.addNode("writer", node -> {
                Client c = new Client(node.bind(100));
                clients.add(node.spawn("writes", Coroutine.ofVoid(() -> {
                    for (int v = 1; v <= 5; v++) {
                        history.invoke("writer", Register.write(v));
                        c.write(v, v);
                        history.ok("writer", null);
                        sleep(ms(loop.random().nextInt(30)));
                    }
                })));
            });
            for (String[] reader : new String[][] {{"reader-1", "r3"}, {"reader-2", "r2"}}) {
                net.addNode(reader[0], node -> {
                    Client c = new Client(node.bind(100));
                    clients.add(node.spawn("reads", Coroutine.ofVoid(() -> {
                        for (int i = 0; i < 6; i++) {
                            sleep(ms(loop.random().nextInt(30)));
                            history.invoke(reader[0], Register.read());
                            history.ok(reader[0], fixed ? c.readQuorum() : c.readOne(reader[1]));
                        }
                    })));
                });
            }
            // The nemesis: cuts one replica off for a while, once.
            sleep(ms(loop.random().nextInt(40)));
            String victim = REPLICAS[loop.random().nextInt(REPLICAS.length)];
            net.isolate("cut-" + victim, victim);
            net.healAfter("cut-" + victim, ms(50 + loop.random().nextInt(100)));
            for (Task<?> t : clients) {
                await(t);
            }
            LinearizabilityResult<Register.Op, Object> result =
                    Linearizability.check(Register.startingAt(0), history);
            NetIo.check(result.isLinearizable(), "stale read: " + result.report());
        });
    }
}

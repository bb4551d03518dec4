package dev.simloop.docs.examples;

import static dev.simloop.Sim.currentLoop;

import dev.simloop.Coroutine;
import dev.simloop.RunResult;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.SweepResult;
import dev.simloop.TraceEvent;
import dev.simloop.net.Address;
import dev.simloop.net.Datagram;
import dev.simloop.net.Endpoint;
import dev.simloop.net.Link;
import dev.simloop.net.Network;
import dev.simloop.net.lin.History;
import dev.simloop.net.lin.Linearizability;
import dev.simloop.net.lin.LinearizabilityResult;
import dev.simloop.net.lin.Register;
import java.time.Duration;
import java.util.List;

public class ThreeNodes {
    // tag::example[]
    static final List<String> REPLICAS = List.of("a", "b", "c");

    /** A replica: stores the integers it is sent (answering "ack"), and answers anything else with its value. */
    static void replica(dev.simloop.net.Node node) {
        Endpoint e = node.bind(1);
        int[] value = {0};                                   // volatile state: a crash would lose it
        node.spawn("replica", Coroutine.ofVoid(() -> {
            while (true) {
                Datagram d = e.receive();
                if (d.payload() instanceof Integer v) {
                    value[0] = v;
                    e.send(d.from(), "ack");
                } else {
                    e.send(d.from(), value[0]);
                }
            }
        }));
    }

    /** The test: write 1 to a majority while one replica is cut off, then read from one replica. */
    static Coroutine<Void> writeThenRead() {
        return Coroutine.ofVoid("main", () -> {
            Network net = Network.create().defaultLink(Link.latency(Duration.ofMillis(1), Duration.ofMillis(10)));
            REPLICAS.forEach(name -> net.addNode(name, ThreeNodes::replica));
            Endpoint client = net.addNode("client", node -> {}).bind(1);
            History<Register.Op, Object> history = History.timed(currentLoop()::time);

            String cut = REPLICAS.get(currentLoop().random().nextInt(3));   // the seed picks the victim...
            net.isolate("cut", cut);
            history.invoke("client", Register.write(1));
            REPLICAS.forEach(r -> client.send(new Address(r, 1), 1));
            client.receive();                                // two acks: a majority has 1
            client.receive();
            history.ok("client", null);
            net.heal("cut");

            String nearest = REPLICAS.get(currentLoop().random().nextInt(3));  // ...and the replica read
            currentLoop().mark("read from " + nearest);
            history.invoke("client", Register.read());
            client.send(new Address(nearest, 1), "read");
            history.ok("client", client.receive().payload());

            LinearizabilityResult<Register.Op, Object> result =
                    Linearizability.check(Register.startingAt(0), history);
            if (!result.isLinearizable()) {
                throw new AssertionError(result.report());
            }
        });
    }

    public static void main(String[] args) {
        Simulation simulation = Simulation.of(ThreeNodes::writeThenRead).seeds(0, 100);
        SweepResult sweep = simulation.sweep();
        RunResult failure = sweep.firstFailure().orElseThrow();
        System.out.println("seed " + Seeds.format(failure.seed()) + " (run " + failure.index() + "): "
                + failure.failure().getMessage());
        for (TraceEvent e : failure.trace().events()) {
            if (e.kind() == TraceEvent.Kind.MARK) {
                System.out.println("  " + e.time() / 1_000 / 1_000.0 + " ms " + e.detail());
            }
        }
        RunResult again = simulation.run(failure.seed());   // the seed alone replays the run
        System.out.println("replayed: " + (again.fingerprint() == failure.fingerprint() ? "the same" : "DIFFERENT")
                + "; shrunk to " + sweep.shrunk().orElseThrow().decisions().delays() + " delays from FIFO");
    }
    // end::example[]
}

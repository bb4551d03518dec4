package dev.simloop.net;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import dev.simloop.TraceEvent;
import dev.simloop.TraceLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    private static <T> T run(long seed, Coroutine<T> main) {
        return EventLoop.builder().seed(seed).trace(TraceLevel.DEFAULT).run(main);
    }

    /** An echo server on "server":7 that answers every datagram with the same payload. */
    private static void echoServer(Node node) {
        Endpoint e = node.bind(7);
        node.spawn("echo", Coroutine.ofVoid(() -> {
            while (true) {
                Datagram d = e.receive();
                e.send(d.from(), d.payload());
            }
        }));
    }

    @Test
    void aDatagramTakesTheLinksLatencyEachWay() {
        long rtt = run(1, Coroutine.of(() -> {
            Network net = Network.create().defaultLink(Link.latency(ms(3), ms(3)));
            net.addNode("server", NetworkTest::echoServer);
            Node client = net.addNode("client", n -> {});
            Endpoint e = client.bind(1000);
            e.send(new Address("server", 7), "ping");
            Datagram reply = e.receive();
            assertThat(reply).isEqualTo(new Datagram(new Address("server", 7), new Address("client", 1000), "ping"));
            return currentLoop().time();
        }));
        assertThat(rtt).isEqualTo(6_000_000L);
    }

    /** What "client" gets back when it sends 0..19 over a lossy, duplicating link, with seed {@code seed}. */
    private static List<Object> lossyEcho(long seed) {
        return run(seed, Coroutine.of(() -> {
            Network net = Network.create().defaultLink(Link.latency(ms(1), ms(20)).withLoss(0.2).withDuplication(0.2));
            net.addNode("server", NetworkTest::echoServer);
            Endpoint e = net.addNode("client", n -> {}).bind(1000);
            for (int i = 0; i < 20; i++) {
                e.send(new Address("server", 7), i);
            }
            sleep(Duration.ofSeconds(1));
            List<Object> got = new ArrayList<>();
            for (Datagram d; (d = e.poll()) != null; ) {
                got.add(d.payload());
            }
            got.add("dropped " + net.dropped() + ", duplicated " + net.duplicated());
            return got;
        }));
    }

    @Test
    void lossDuplicationAndReorderingComeFromTheSeed() {
        List<Object> first = lossyEcho(42);
        assertThat(lossyEcho(42)).isEqualTo(first);
        assertThat(first).isEqualTo(List.of(7, 14, 11, 8, 1, 15, 16, 18, 6, 8, 5, 11, 6, 14, 12, 9,
                "dropped 8, duplicated 4"));
        assertThat(lossyEcho(43)).isNotEqualTo(first);
    }

    @Test
    void aPartitionDropsDatagramsUntilItHeals() {
        List<String> got = run(1, Coroutine.of(() -> {
            Network net = Network.create().defaultLink(Link.latency(ms(1), ms(1)));
            net.addNode("server", NetworkTest::echoServer);
            Endpoint e = net.addNode("client", n -> {}).bind(1000);
            net.partitionOneWay("p", List.of("server"), List.of("client"));
            e.send(new Address("server", 7), "one-way");
            sleep(ms(10));
            net.heal("p");
            net.isolate("q", "client");
            assertThat(net.partitionNames()).containsExactly("q");
            e.send(new Address("server", 7), "isolated");
            net.healAfter("q", ms(5));
            sleep(ms(10));
            e.send(new Address("server", 7), "healed");
            List<String> out = new ArrayList<>();
            out.add((String) e.receive().payload());
            out.add(e.poll() == null ? "nothing else" : "more");
            out.add(String.valueOf(currentLoop().trace().events().stream()
                    .filter(ev -> ev.kind() == TraceEvent.Kind.MARK).map(TraceEvent::detail).toList()));
            return out;
        }));
        assertThat(got).containsExactly("healed", "nothing else",
                "[net: partition p [server] -> [client], net: heal p, net: partition q [client] | [server], "
                        + "net: heal q]");
    }

    @Test
    void aCrashCancelsTheNodesTasksAndARestartRunsItsStartAgainWithTheSyncedDisk() {
        List<String> got = run(7, Coroutine.of(() -> {
            Network net = Network.create();
            List<String> log = new ArrayList<>();
            net.addNode("n1", node -> {
                Disk disk = node.disk();
                log.add("start " + node.incarnation() + " sees " + disk.keys());
                node.spawn("writer", Coroutine.ofVoid(() -> {
                    disk.put("synced-" + node.incarnation(), 1);
                    disk.sync();
                    disk.put("unsynced-a", 1);
                    disk.put("unsynced-b", 1);
                    try {
                        sleep(Duration.ofHours(1));
                    } finally {
                        log.add("writer of incarnation " + node.incarnation() + " ends");
                    }
                }));
            });
            sleep(ms(10));
            net.crash("n1");
            assertThatThrownBy(() -> net.node("n1").bind(5)).hasMessage("node n1 is down: cannot bind port 5");
            sleep(ms(10));
            net.restart("n1");
            sleep(ms(10));
            return log;
        }));
        // The crash cancels the first writer; the loop's end cancels the second.
        assertThat(got).containsExactly("start 1 sees []", "writer of incarnation 1 ends",
                "start 2 sees [synced-1, unsynced-a]", "writer of incarnation 2 ends");
    }

    @Test
    void streamsDeliverInOrderAndEndWithNull() {
        List<Object> got = run(3, Coroutine.of(() -> {
            Network net = Network.create().defaultLink(Link.latency(ms(1), ms(30)));
            List<Object> received = new ArrayList<>();
            net.addNode("server", node -> {
                Listener l = node.listen(80);
                node.spawn("accept", Coroutine.ofVoid(() -> {
                    Stream s = l.accept();
                    for (Object m; (m = s.read()) != null; ) {
                        received.add(m);
                    }
                    received.add("eof from " + s.remoteAddress());
                }));
            });
            Node client = net.addNode("client", n -> {});
            Stream s = client.connect(new Address("server", 80));
            for (int i = 0; i < 10; i++) {
                s.write(i);
            }
            s.close();
            sleep(Duration.ofSeconds(1));
            return received;
        }));
        assertThat(got).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, "eof from client:49152");
    }

    @Test
    void connectIsRefusedWithoutListenerAndTimesOutAcrossAPartition() {
        List<String> got = run(1, Coroutine.of(() -> {
            Network net = Network.create();
            net.addNode("server", n -> {});
            Node client = net.addNode("client", n -> {});
            List<String> out = new ArrayList<>();
            try {
                client.connect(new Address("server", 80));
            } catch (NetException e) {
                out.add(e.getMessage());
            }
            net.isolate("p", "server");
            try {
                client.connect(new Address("server", 80));
            } catch (NetException e) {
                out.add(e.getMessage() + " at " + currentLoop().time() / 1_000_000 + " ms");
            }
            return out;
        }));
        assertThat(got).containsExactly("connection to server:80 refused: nobody listens there",
                "connect client:49153->server:80 timed out after 1 s of virtual time at 1008 ms");
    }

    /** A server that holds every accepted stream open and reads from it; what its reader saw goes to {@code log}. */
    private static void holdingServer(Node node, List<String> log) {
        Listener l = node.listen(80);
        node.spawn("accept", Coroutine.ofVoid(() -> {
            Stream s = l.accept();
            try {
                s.read();
            } catch (ConnectionResetException e) {
                log.add("server: " + e.getMessage());
            }
        }));
    }

    @Test
    void aPeerCrashResetsTheStream() {
        List<String> got = run(1, Coroutine.of(() -> {
            Network net = Network.create().defaultLink(Link.latency(ms(2), ms(2)));
            List<String> log = new ArrayList<>();
            net.addNode("server", node -> holdingServer(node, log));
            Node client = net.addNode("client", n -> {});
            Stream s = client.connect(new Address("server", 80));
            net.crash("server");
            try {
                s.read();
            } catch (ConnectionResetException e) {
                log.add("client: " + e.getMessage() + " at " + currentLoop().time() / 1_000_000 + " ms");
            }
            return log;
        }));
        assertThat(got).containsExactly(
                "client: connection client:49152<->server:80 reset: node server crashed at 6 ms");
    }

    @Test
    void aPartitionThatOutlastsTheStreamTimeoutResetsBothEnds() {
        List<String> got = run(1, Coroutine.of(() -> {
            Network net = Network.create().streamTimeout(Duration.ofSeconds(2));
            List<String> log = new ArrayList<>();
            net.addNode("server", node -> holdingServer(node, log));
            Node client = net.addNode("client", n -> {});
            Stream s = client.connect(new Address("server", 80));
            net.isolate("p", "client");
            s.write("lost in the partition");
            Task<Object> reader = client.spawn("reader", Coroutine.of(s::read));
            try {
                await(reader);
            } catch (ConnectionResetException e) {
                log.add("client: " + e.getMessage() + " at " + currentLoop().time() / 1_000_000 + " ms");
            }
            return log;
        }));
        assertThat(got).containsExactly(
                "server: connection server:80<->client:49152 reset: partition p outlasted the stream timeout of 2 s",
                "client: connection client:49152<->server:80 reset: partition p outlasted the stream timeout of 2 s "
                        + "at 2008 ms");
    }

    @Test
    void aTaskOutsideTheNodeWaitingOnItsStreamGetsANetExceptionWhenTheNodeCrashes() {
        String got = run(1, Coroutine.of(() -> {
            Network net = Network.create();
            List<String> log = new ArrayList<>();
            net.addNode("server", node -> holdingServer(node, log));
            Node client = net.addNode("client", n -> {});
            Stream s = client.connect(new Address("server", 80));
            Task<Object> reader = currentLoop().createTask("test's reader", Coroutine.of(s::read));
            sleep(ms(1));
            net.crash("client");
            try {
                await(reader);
                return "read";
            } catch (NetException e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }));
        assertThat(got).isEqualTo("NetException: stream client:49152->server:80 is gone: node client crashed");
    }

    @Test
    void aOneWayPartitionThatOutlastsTheTimeoutResetsBothEnds() {
        List<String> got = run(1, Coroutine.of(() -> {
            Network net = Network.create().streamTimeout(Duration.ofSeconds(1));
            List<String> log = new ArrayList<>();
            net.addNode("server", node -> holdingServer(node, log));
            Stream s = net.addNode("client", n -> {}).connect(new Address("server", 80));
            net.partitionOneWay("p", List.of("server"), List.of("client"));
            sleep(Duration.ofSeconds(2));
            log.add("client reset: " + s.isReset());
            return log;
        }));
        assertThat(got).containsExactly(
                "server: connection server:80<->client:49152 reset: partition p outlasted the stream timeout of 1 s",
                "client reset: true");
    }

    @Test
    void aRandomHealComesAtASeededInstantWithinItsBounds() {
        List<String> got = run(5, Coroutine.of(() -> {
            Network net = Network.create();
            net.addNode("a", n -> {});
            net.addNode("b", n -> {});
            net.isolate("p", "a");
            net.healAfterRandom("p", ms(100), ms(200));
            sleep(Duration.ofSeconds(1));
            return currentLoop().trace().events().stream().filter(ev -> ev.kind() == TraceEvent.Kind.MARK)
                    .map(ev -> ev.time() / 1_000_000 + " ms " + ev.detail()).toList();
        }));
        assertThat(got).containsExactly("0 ms net: partition p [a] | [b]", "148 ms net: heal p");
    }

    @Test
    void badInputGetsAClearError() {
        run(1, Coroutine.ofVoid(() -> {
            Network net = Network.create();
            net.addNode("a", n -> n.bind(1));
            assertThatThrownBy(() -> net.addNode("a", n -> {}))
                    .hasMessage("the network already has a node named 'a'");
            assertThatThrownBy(() -> net.node("b")).hasMessage("no node named 'b' in the network; its nodes are [a]");
            assertThatThrownBy(() -> net.node("a").bind(1))
                    .hasMessage("port 1 on node a is already bound; close its endpoint first");
            assertThatThrownBy(() -> net.partition("p", List.of("a"), List.of("a")))
                    .hasMessage("partition 'p': a node cannot be on both sides, [a] and [a]");
            assertThatThrownBy(() -> net.heal("p")).hasMessage("no partition named 'p' is in effect; in effect: []");
            assertThatThrownBy(() -> net.healAfter("p", ms(1)))
                    .hasMessage("no partition named 'p' is in effect; in effect: []");
            assertThatThrownBy(() -> net.healAfterRandom("p", ms(2), ms(1)))
                    .hasMessage("a random heal needs 0 <= min <= max, was min PT0.002S and max PT0.001S");
            assertThatThrownBy(() -> net.restart("a")).hasMessage("node a is up: crash it before restarting it");
            assertThatThrownBy(() -> Link.latency(ms(5), ms(1)))
                    .hasMessage("a link's latency needs 0 <= min <= max, was min PT0.005S and max PT0.001S");
        }));
    }
}

package dev.simloop.net;

import static dev.simloop.Sim.currentLoop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small key-value service written once against {@link Host}, run under simulation and for real over loopback. */
class OneCodeTwoLoopsTest {

    record Put(String key, int value) implements Serializable {}

    record Get(String key) implements Serializable {}

    /** The server: a key-value store on stream port 80, and an echo on datagram port 7. */
    static void server(Host host) {
        Map<String, Integer> store = new LinkedHashMap<>();
        Listener listener = host.listen(80);
        host.spawn("accept", Coroutine.ofVoid(() -> {
            while (true) {
                Stream s = listener.accept();
                host.spawn("session", Coroutine.ofVoid(() -> {
                    for (Object m; (m = s.read()) != null; ) {
                        if (m instanceof Put p) {
                            store.put(p.key(), p.value());
                            s.write("ok");
                        } else if (m instanceof Get g) {
                            s.write(store.get(g.key()));
                        }
                    }
                    s.close();
                }));
            }
        }));
        Endpoint echo = host.bind(7);
        host.spawn("echo", Coroutine.ofVoid(() -> {
            while (true) {
                Datagram d = echo.receive();
                echo.send(d.from(), "pong " + d.payload() + " from " + d.from().node());
            }
        }));
    }

    /** The client: a put, two gets, a close, and a datagram ping; returns what it got back. */
    static List<Object> client(Host host) {
        List<Object> got = new ArrayList<>();
        Stream s = host.connect(new Address("server", 80));
        s.write(new Put("x", 1));
        got.add(s.read());
        s.write(new Get("x"));
        got.add(s.read());
        s.write(new Get("y"));
        got.add(s.read());
        s.close();
        got.add(s.read());
        Endpoint e = host.bind(9);
        e.send(new Address("server", 7), "ping");
        got.add(e.receive().payload());
        return got;
    }

    private static final List<Object> EXPECTED = Arrays.asList("ok", 1, null, null, "pong ping from client");

    @Test
    void theServiceRunsUnderSimulation() {
        List<Object> got = EventLoop.builder().seed(1).run(Coroutine.of(() -> {
            Network net = Network.create();
            net.addNode("server", OneCodeTwoLoopsTest::server);
            return client(net.addNode("client", n -> {}));
        }));
        assertThat(got).isEqualTo(EXPECTED);
    }

    private static InetSocketAddress freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
    }

    @Test
    void theSameServiceRunsForRealOverLoopback() throws IOException {
        SocketDirectory directory = SocketDirectory.create()
                .put(new Address("server", 80), freeLoopbackPort())
                .put(new Address("server", 7), freeLoopbackPort())
                .put(new Address("client", 9), freeLoopbackPort());
        List<Object> got = EventLoop.builder().realTime().run(Coroutine.of(() -> {
            try (SocketHost server = SocketHost.on(currentLoop(), "server", directory);
                    SocketHost client = SocketHost.on(currentLoop(), "client", directory)) {
                server(server);
                return client(client);
            }
        }));
        assertThat(got).isEqualTo(EXPECTED);
    }

    @Test
    void aSocketHostNeedsARealTimeLoopAndKnownAddresses() {
        SocketDirectory directory = SocketDirectory.create();
        EventLoop.builder().run(Coroutine.ofVoid(() -> assertThatThrownBy(
                () -> SocketHost.on(currentLoop(), "a", directory)).hasMessage("a SocketHost needs a real-time loop "
                        + "(EventLoop.builder().realTime()); under simulation use Network.addNode")));
        EventLoop.builder().realTime().run(Coroutine.ofVoid(() -> {
            try (SocketHost a = SocketHost.on(currentLoop(), "a", directory)) {
                assertThatThrownBy(() -> a.bind(1)).hasMessage("no real address for a:1 in the socket directory; "
                        + "put it there first");
            }
        }));
    }
}

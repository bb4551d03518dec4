package dev.simloop.realworld;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A small HTTP server on 127.0.0.1 (a free port) for the real run: {@code /ok} answers 200, {@code /flaky} answers
 * 500 to every third request, {@code /down} always 503, and {@code /hang} answers only when the server stops.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger flaky = new AtomicInteger();

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/ok", e -> reply(e, 200));
        server.createContext("/flaky", e -> reply(e, flaky.incrementAndGet() % 3 == 0 ? 500 : 200));
        server.createContext("/down", e -> reply(e, 503));
        server.createContext("/hang", e -> {
            try {
                stopping.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            reply(e, 200);
        });
        server.setExecutor(handlers);
        server.start();
    }

    /** Starts a server on a free loopback port. */
    public static LoopbackServer start() throws IOException {
        return new LoopbackServer();
    }

    /** The server's base address, {@code http://127.0.0.1:port}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void reply(HttpExchange e, int status) throws IOException {
        e.sendResponseHeaders(status, -1);
        e.close();
    }

    /** Releases hanging requests and stops the server. */
    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        handlers.close();
    }
}

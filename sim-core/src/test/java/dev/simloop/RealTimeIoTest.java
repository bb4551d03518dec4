package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real I/O on the real-time loop: other threads complete what coroutines await, and the loop waits for them. */
class RealTimeIoTest {

    @Test
    void awaitingHttpClientSendAsyncResumesTheCoroutineOnTheLoopThread() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", e -> {
            byte[] body = "hello from the server".getBytes(StandardCharsets.UTF_8);
            e.sendResponseHeaders(200, body.length);
            e.getResponseBody().write(body);
            e.close();
        });
        server.start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
            List<String> log = EventLoop.builder().realTime().run(Coroutine.of(() -> {
                EventLoop loop = Sim.currentLoop();
                HttpResponse<String> response = Sim.await(client.sendAsync(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString()));
                return List.of(response.statusCode() + " " + response.body(),
                        "resumed on the loop thread: " + loop.isLoopThread());
            }));
            assertThat(log).containsExactly("200 hello from the server", "resumed on the loop thread: true");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anIdleRealTimeLoopWaitsForWorkFromAnotherThreadWhereAVirtualOneReportsADeadlock() throws Exception {
        try (EventLoop loop = EventLoop.builder().realTime().build()) {
            SimFuture<String> reply = loop.createFuture("reply");
            CompletableFuture.runAsync(() -> loop.callSoonThreadsafe(() -> reply.setResult("late but here")),
                    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            assertThat(loop.runUntilComplete(reply)).isEqualTo("late but here");
        }
        try (EventLoop loop = EventLoop.create()) {
            SimFuture<String> reply = loop.createFuture("reply");
            assertThatThrownBy(() -> loop.runUntilComplete(reply)).isInstanceOf(DeadlockException.class)
                    .hasMessageStartingWith("Deadlock: future 'reply' can never finish: nothing is ready to run");
            reply.cancel();
        }
    }
}

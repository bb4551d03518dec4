package dev.simloop.realworld;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Sim;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * The real run: starts a {@link LoopbackServer}, probes its paths for a few rounds with a {@link HealthChecker} on a
 * real-time loop over {@link HttpTransport}, prints what it found and the breaker's audit log, and stops.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HealthCheckMain {
    private HealthCheckMain() {}

    /** The settings of the real run: a probe every 200 ms, 300 ms timeouts, 2 attempts, 20 ms first backoff. */
    static final HealthChecker.Settings REAL = new HealthChecker.Settings(Duration.ofMillis(200),
            Duration.ofMillis(300), 2, Duration.ofMillis(20));

    public static void main(String[] args) throws Exception {
        List<String> paths = List.of("/ok", "/flaky", "/down", "/hang");
        // The server closes first: it answers the hanging requests, which HttpClient.close() waits for.
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                LoopbackServer server = LoopbackServer.start()) {
            System.out.println("healthcheck: real time, " + server.uri() + ", paths " + paths + ", 6 rounds");
            List<String> audit = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            Map<String, List<HealthChecker.Outcome>> report = check(new HttpTransport(client, server.uri()), paths, 6,
                    audit);
            report.forEach((path, outcomes) -> System.out.printf("  %-7s %s%n", path, outcomes));
            System.out.println("  audit: " + audit);
            System.out.printf("healthcheck: done in %d ms of real time%n", (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Runs the checker on a new real-time loop: {@code rounds} probes of each path through {@code transport}, a
     * breaker that opens after 3 failures in a row for 500 ms, its transitions appended to {@code audit}.
     */
    static Map<String, List<HealthChecker.Outcome>> check(Transport transport, List<String> paths, int rounds,
            List<String> audit) {
        return EventLoop.builder().name("healthcheck").realTime().run(Coroutine.of(() -> {
            CircuitBreaker breaker = new CircuitBreaker(Sim.currentLoop(), 3, Duration.ofMillis(500), audit::add,
                    false);
            return Sim.await(new HealthChecker(transport, breaker, REAL).run(paths, rounds));
        }));
    }
}

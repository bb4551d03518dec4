package dev.simloop.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The same checker for real: a real-time loop, HTTP over loopback to a JDK server. Real timing varies from run to run,
 * so this asserts what holds on every run, never how fast.
 */
class HealthCheckerRealTest {

    @Test
    void theCheckerProbesARealServerAndItsBreakerOpensOnTheFailingPaths() throws Exception {
        List<String> audit = new CopyOnWriteArrayList<>();
        Map<String, List<HealthChecker.Outcome>> report;
        // The server closes first: it answers the hanging requests, which HttpClient.close() waits for.
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                LoopbackServer server = LoopbackServer.start()) {
            report = HealthCheckMain.check(new HttpTransport(client, server.uri()), List.of("/down", "/hang"), 3,
                    audit);
        }
        assertThat(report.keySet()).containsExactly("/down", "/hang");
        assertThat(report.values()).allSatisfy(outcomes -> assertThat(outcomes).hasSize(3)
                .doesNotContain(HealthChecker.Outcome.UP));
        assertThat(audit).isNotEmpty().allMatch(line -> line.startsWith("breaker ")).first().asString()
                .startsWith("breaker open at ");
    }

    @Test
    void aHealthyPathIsUpOnARealServer() throws Exception {
        Map<String, List<HealthChecker.Outcome>> report;
        // The server closes first: it answers the hanging requests, which HttpClient.close() waits for.
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                LoopbackServer server = LoopbackServer.start()) {
            report = HealthCheckMain.check(new HttpTransport(client, server.uri()), List.of("/ok"), 2,
                    new CopyOnWriteArrayList<>());
        }
        assertThat(report).containsExactly(Map.entry("/ok", List.of(HealthChecker.Outcome.UP,
                HealthChecker.Outcome.UP)));
    }
}

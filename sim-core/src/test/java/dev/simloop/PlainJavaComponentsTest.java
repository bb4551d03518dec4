package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import example.plain.ExpiringCache;
import example.plain.RetryingClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Components with no simloop import, run unchanged on a loop's Clock and ScheduledExecutorService. */
class PlainJavaComponentsTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-01-01T00:00:00Z");

    private final List<String> log = new ArrayList<>();
    private final EventLoop loop = EventLoop.builder().onProblem(p -> log.add("problem: " + p.message())).build();
    private final Clock clock = loop.clock(MIDNIGHT, ZoneOffset.UTC);
    private final SimScheduledExecutor scheduler = loop.scheduledExecutor();
    private final PlainJavaBackend backend = new PlainJavaBackend(scheduler, clock, Duration.ofMillis(20));

    @AfterEach
    void close() {
        loop.close();
    }

    private RetryingClient client() {
        return new RetryingClient(backend, scheduler, clock, 5, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aDayOfTrafficThroughTheCacheAndTheClientRunsInVirtualTime() {
        backend.put("k0", "v0");
        backend.put("k1", "one");
        backend.put("k2", "two");
        backend.outage(MIDNIGHT.plus(Duration.ofHours(10)), MIDNIGHT.plus(Duration.ofHours(10).plusMinutes(3)));
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, scheduler, Duration.ofMinutes(5),
                backend::read);
        RetryingClient client = client();
        int[] requests = {0};
        int[] reads = {0};
        int[] calls = {0, 0};
        int[] hour = {0};
        scheduler.scheduleAtFixedRate(() -> {
            backend.put("k0", "v" + ++hour[0]);
            cache.invalidate("k0");
        }, 1, 1, TimeUnit.HOURS);
        scheduler.scheduleAtFixedRate(() -> cache.get("k" + requests[0]++ % 3).thenRun(() -> reads[0]++),
                0, 10, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(() -> client.call("ping").whenComplete((reply, error) ->
                calls[error == null && reply.equals("pong") ? 0 : 1]++), 0, 1, TimeUnit.MINUTES);

        loop.advanceBy(Duration.ofDays(1));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(reads[0]).isEqualTo(8640);
        assertThat(cache.loads() + cache.hits()).isEqualTo(8641);
        // A key is read every 30 s and loaded every 11th read (an entry lives 300.1 s): 262 loads each for k1 and k2;
        // k0 restarts its cycle at every hourly invalidation: 11 loads an hour, and one more at 24:00.
        assertThat(cache.loads()).isEqualTo(262 + 262 + 24 * 11 + 1);
        assertThat(cache.evictions()).isEqualTo(76);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(calls).containsExactly(1437, 3);
        assertThat(client.attempts()).hasSize(1441 + 3 * 4)
                .containsSubsequence("ping #1 at 2026-01-01T10:00:00Z", "ping #2 at 2026-01-01T10:00:01.020Z",
                        "ping #3 at 2026-01-01T10:00:03.040Z", "ping #4 at 2026-01-01T10:00:07.060Z",
                        "ping #5 at 2026-01-01T10:00:15.080Z", "ping #1 at 2026-01-01T10:01:00Z");
        assertThat(log).isEmpty();
    }

    @Test
    void theClientRetriesWithBackoffAndTimesOutInVirtualTime() {
        RetryingClient client = new RetryingClient(request -> new CompletableFuture<>(), scheduler, clock, 3,
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        CompletableFuture<String> reply = client.call("hello");
        loop.runUntilIdle();
        assertThat(client.attempts()).containsExactly("hello #1 at 2026-01-01T00:00:00Z",
                "hello #2 at 2026-01-01T00:00:03Z", "hello #3 at 2026-01-01T00:00:07Z");
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(9).toNanos());
        assertThat(reply).isCompletedExceptionally();
        CompletionException e = org.assertj.core.api.Assertions.catchThrowableOfType(CompletionException.class,
                reply::join);
        assertThat(e.getCause()).isInstanceOf(TimeoutException.class).hasMessage("no reply within PT2S");
    }

    @Test
    void aCoroutineAwaitsTheClientsCompletableFuture() {
        backend.outage(MIDNIGHT, MIDNIGHT.plusSeconds(2));
        String reply = loop.runUntilComplete(Coroutine.of(() -> Sim.await(client().call("ping")) + " at "
                + clock.instant()));
        assertThat(reply).isEqualTo("pong at 2026-01-01T00:00:03.060Z");
    }
}

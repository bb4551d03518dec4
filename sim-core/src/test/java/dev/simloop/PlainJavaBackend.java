package dev.simloop;

import example.plain.RetryingClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fake backend for the plain-Java components, on a loop's scheduler: a key-value store whose reads answer
 * {@code latency} after they were made (with the value as it was when read), and a transport that replies "pong" or,
 * inside an outage window, fails.
 */
final class PlainJavaBackend implements RetryingClient.Transport {

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration latency;
    private final Map<String, String> store = new HashMap<>();
    private Instant outageFrom = Instant.MAX;
    private Instant outageUntil = Instant.MAX;

    PlainJavaBackend(ScheduledExecutorService scheduler, Clock clock, Duration latency) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.latency = latency;
    }

    void put(String key, String value) {
        store.put(key, value);
    }

    /** Sends fail from {@code from} (included) until {@code until} (excluded). */
    void outage(Instant from, Instant until) {
        outageFrom = from;
        outageUntil = until;
    }

    /** The cache's loader: the value as it is now, delivered after the latency. */
    CompletableFuture<String> read(String key) {
        return later(store.get(key), null);
    }

    @Override
    public CompletableFuture<String> send(String request) {
        Instant now = clock.instant();
        boolean down = !now.isBefore(outageFrom) && now.isBefore(outageUntil);
        return later(" pong ", down ? new IOException("outage") : null);
    }

    private CompletableFuture<String> later(String value, Throwable failure) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        scheduler.schedule(() -> {
            if (failure == null) {
                reply.complete(value);
            } else {
                reply.completeExceptionally(failure);
            }
        }, latency.toNanos(), TimeUnit.NANOSECONDS);
        return reply;
    }
}

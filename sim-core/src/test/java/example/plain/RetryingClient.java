package example.plain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client that chains {@link CompletableFuture}s: each attempt has a timeout, a failed attempt is retried after an
 * exponential backoff (1x, 2x, 4x, ... the first backoff), up to {@code maxAttempts}.
 *
 * <p>Plain Java. Its timeouts and backoffs are scheduled on the {@link ScheduledExecutorService} it is given, not with
 * {@code orTimeout} or {@code delayedExecutor}, which use the JDK's own timer thread in real time.
 */
public class RetryingClient {

    /** Sends a request; the reply arrives some time later. */
    public interface Transport {
        CompletableFuture<String> send(String request);
    }

    private final Transport transport;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration attemptTimeout;
    private final List<String> attempts = Collections.synchronizedList(new ArrayList<>());

    public RetryingClient(Transport transport, ScheduledExecutorService scheduler, Clock clock, int maxAttempts,
            Duration firstBackoff, Duration attemptTimeout) {
        this.transport = transport;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.attemptTimeout = attemptTimeout;
    }

    /** The trimmed reply to {@code request}, or the last attempt's failure. */
    public CompletableFuture<String> call(String request) {
        return attempt(request, 1);
    }

    private CompletableFuture<String> attempt(String request, int n) {
        attempts.add(request + " #" + n + " at " + clock.instant());
        return withTimeout(transport.send(request))
                .thenApplyAsync(String::trim, scheduler)
                .exceptionallyCompose(error -> n >= maxAttempts ? CompletableFuture.failedFuture(error)
                        : after(firstBackoff.multipliedBy(1L << (n - 1))).thenCompose(x -> attempt(request, n + 1)));
    }

    private CompletableFuture<String> withTimeout(CompletableFuture<String> reply) {
        ScheduledFuture<?> timer = scheduler.schedule(
                () -> reply.completeExceptionally(new TimeoutException("no reply within " + attemptTimeout)),
                attemptTimeout.toMillis(), TimeUnit.MILLISECONDS);
        reply.whenComplete((value, error) -> timer.cancel(false));
        return reply;
    }

    private CompletableFuture<Void> after(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.schedule(() -> done.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    /** Every attempt so far: "request #n at instant". */
    public List<String> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }
}

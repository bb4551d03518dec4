package dev.simloop.realworld;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Sim;
import dev.simloop.SimTimeoutException;
import dev.simloop.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Probes the paths of one service, each on its own schedule, with a timeout per request, retries with jittered
 * exponential backoff, and one {@link CircuitBreaker} for the service. Written once with simloop coroutines: it runs
 * for real on a real-time loop over {@link HttpTransport}, and under simulation over a fake transport.
 *
 * <p>Bounded: each path is probed {@code rounds} times, then {@link #run} returns what each probe found.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HealthChecker {

    /** What one probe found: {@code UP}, {@code DOWN} (every attempt failed) or {@code SKIP} (breaker open). */
    public enum Outcome { UP, DOWN, SKIP }

    private final Transport transport;
    private final CircuitBreaker breaker;
    private final Settings settings;

    /**
     * How the checker paces itself.
     *
     * @param interval the time between two probes of a path, plus a jitter of up to a tenth of it, not null
     * @param timeout the longest wait for one response, not null
     * @param attempts tries per probe, positive
     * @param backoff the first retry's delay, doubled each retry, plus a jitter of up to itself, not null
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record Settings(Duration interval, Duration timeout, int attempts, Duration backoff) {
        public Settings {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(backoff, "backoff");
            if (attempts <= 0) {
                throw new IllegalArgumentException("attempts must be positive, was " + attempts);
            }
        }
    }

    /**
     * A checker that probes through {@code transport}, guarded by {@code breaker}.
     *
     * @param transport the transport, not null
     * @param breaker the service's breaker, not null
     * @param settings the pacing, not null
     */
    public HealthChecker(Transport transport, CircuitBreaker breaker, Settings settings) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * A coroutine that probes every path {@code rounds} times, concurrently across paths, and returns each path's
     * outcomes in probe order.
     *
     * @param paths the paths, not null
     * @param rounds probes per path
     * @return the outcomes by path, in the order of {@code paths}
     */
    public Coroutine<Map<String, List<Outcome>>> run(List<String> paths, int rounds) {
        return Coroutine.of("health-checker", () -> {
            Map<String, Task<List<Outcome>>> tasks = new LinkedHashMap<>();
            for (String path : paths) {
                tasks.put(path, Sim.createTask("probe " + path, Coroutine.of(() -> probeRounds(path, rounds))));
            }
            Map<String, List<Outcome>> report = new LinkedHashMap<>();
            for (Map.Entry<String, Task<List<Outcome>>> e : tasks.entrySet()) {
                report.put(e.getKey(), Sim.await(e.getValue()));
            }
            return report;
        });
    }

    private List<Outcome> probeRounds(String path, int rounds) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Sim.sleep(jittered(settings.interval(), settings.interval().dividedBy(10)));
            outcomes.add(probe(path));
        }
        return outcomes;
    }

    /** One probe: up to {@code attempts} requests, each admitted by the breaker and bounded by the timeout. */
    private Outcome probe(String path) {
        Duration backoff = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            CircuitBreaker.Permit permit = breaker.tryAcquire();
            if (permit == null) {
                return Outcome.SKIP;
            }
            boolean ok = request(path);
            breaker.record(permit, ok);
            if (ok) {
                return Outcome.UP;
            }
            if (attempt == settings.attempts()) {
                return Outcome.DOWN;
            }
            Sim.sleep(jittered(backoff, backoff));
            backoff = backoff.multipliedBy(2);
        }
    }

    private boolean request(String path) {
        try {
            int status = Sim.timeout(settings.timeout()).call(() -> transport.get(path));
            return status >= 200 && status < 300;
        } catch (Exception e) {
            if (e instanceof SimTimeoutException || e instanceof IOException) {
                return false;
            }
            throw e; // a cancellation of the probe, or a bug: not a failed request
        }
    }

    /** {@code base} plus a jitter in [0, spread], in whole milliseconds, drawn from the loop's seeded random. */
    private static Duration jittered(Duration base, Duration spread) {
        EventLoop loop = Sim.currentLoop();
        long spreadMs = Math.max(0, spread.toMillis());
        return base.plusMillis(spreadMs == 0 ? 0 : loop.random().nextLong(spreadMs + 1));
    }
}

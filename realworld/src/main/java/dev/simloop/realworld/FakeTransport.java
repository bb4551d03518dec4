package dev.simloop.realworld;

import dev.simloop.EventLoop;
import dev.simloop.Sim;
import java.io.IOException;
import java.time.Duration;

/**
 * The service as a simulation sees it: 1-20 ms of seeded latency per request, and faults from {@link Sim#buggify}:
 * a connection reset, a request that hangs past any timeout, and an outage during which every request gets 503 for
 * a second. Also the test's oracle: a request sent while two half-open trials are in flight fails the run.
 */
final class FakeTransport implements Transport {

    private final CircuitBreaker breaker;
    /** Until when (loop time) the service answers 503. */
    private long outageUntil = -1;

    FakeTransport(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    public int get(String path) throws IOException {
        EventLoop loop = Sim.currentLoop();
        if (breaker.trialsInFlight() > 1) {
            throw new AssertionError(breaker.trialsInFlight() + " half-open trials in flight at "
                    + loop.time() / 1_000_000 + " ms (request to " + path + "): the breaker must let one through");
        }
        Sim.sleep(Duration.ofMillis(1 + loop.random().nextInt(20)));
        if (Sim.buggify("outage")) {
            outageUntil = loop.time() + Duration.ofSeconds(1).toNanos();
        }
        if (loop.time() < outageUntil) {
            return 503;
        }
        if (Sim.buggify("reset")) {
            throw new IOException("connection reset");
        }
        if (Sim.buggify("hang")) {
            Sim.sleep(Duration.ofSeconds(10));
        }
        return 200;
    }
}

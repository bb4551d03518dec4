package dev.simloop.junit;

import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.function.Executable;

/**
 * An "eventually" condition polled in virtual time, for code inside a running loop (a {@link SimTest} body or a
 * coroutine): Awaitility's shape, without its threads. Immutable; each option returns a new one.
 *
 * <pre>{@code
 * eventually().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> cache.isWarm());
 * eventually().untilAsserted(() -> assertThat(queue.size()).isEqualTo(3));
 * }</pre>
 *
 * <p>The condition is checked at once, then after each poll interval of virtual time (the loop runs other tasks
 * meanwhile), the last time exactly at the limit. Outside a loop, where real threads are involved (a thread that
 * hands work to a loop through {@code callSoonThreadsafe}), use Awaitility itself.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Eventually {

    private final String alias;
    private final Duration atMost;
    private final Duration pollInterval;

    private Eventually(String alias, Duration atMost, Duration pollInterval) {
        this.alias = alias;
        this.atMost = atMost;
        this.pollInterval = pollInterval;
    }

    /**
     * A condition with Awaitility's defaults: at most 10 s of virtual time, polled every 100 ms.
     *
     * @return the condition, to configure or to wait on
     */
    public static Eventually eventually() {
        return new Eventually(null, Duration.ofSeconds(10), Duration.ofMillis(100));
    }

    /**
     * The longest the condition may take, in virtual time.
     *
     * @param limit not null, not negative
     * @return a new condition
     */
    public Eventually atMost(Duration limit) {
        if (Objects.requireNonNull(limit, "limit").isNegative()) {
            throw new IllegalArgumentException("atMost must not be negative, was " + limit + ".");
        }
        return new Eventually(alias, limit, pollInterval);
    }

    /**
     * How much virtual time passes between two checks.
     *
     * @param interval not null, positive
     * @return a new condition
     */
    public Eventually pollInterval(Duration interval) {
        if (Objects.requireNonNull(interval, "interval").isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + interval + ".");
        }
        return new Eventually(alias, atMost, interval);
    }

    /**
     * A name for the condition, used in the failure message.
     *
     * @param name not null
     * @return a new condition
     */
    public Eventually alias(String name) {
        return new Eventually(Objects.requireNonNull(name, "name"), atMost, pollInterval);
    }

    /**
     * Waits in virtual time until {@code condition} is true.
     *
     * @param condition checked on the loop's thread, not null
     * @throws AssertionError if it is still false at the limit, saying how long and how often it was checked
     */
    public void until(BooleanSupplier condition) {
        Objects.requireNonNull(condition, "condition");
        poll(() -> {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("the condition was false");
            }
        }, false);
    }

    /**
     * Waits in virtual time until {@code assertion} passes.
     *
     * @param assertion checked on the loop's thread, not null
     * @throws AssertionError if it still fails at the limit, with its last failure as the cause
     */
    public void untilAsserted(Executable assertion) {
        poll(Objects.requireNonNull(assertion, "assertion"), true);
    }

    private void poll(Executable check, boolean keepCause) {
        long start = currentLoop().time();
        long deadline = start + atMost.toNanos();
        int checks = 0;
        while (true) {
            checks++;
            Throwable failure;
            try {
                check.execute();
                return;
            } catch (Throwable t) {
                failure = t;
            }
            long now = currentLoop().time();
            if (now >= deadline) {
                String what = alias == null ? (keepCause ? "Assertion" : "Condition") : "Condition '" + alias + "'";
                throw new AssertionError(what + " was not fulfilled within " + FailureReport.seconds(atMost.toNanos())
                        + " of virtual time: checked " + checks + " times, every "
                        + FailureReport.seconds(pollInterval.toNanos()) + (keepCause ? "; last failure: "
                        + failure.getMessage() : "") + ".", keepCause ? failure : null);
            }
            sleep(Duration.ofNanos(Math.min(pollInterval.toNanos(), deadline - now)));
        }
    }
}

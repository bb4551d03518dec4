package dev.simloop.net;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a link between two nodes behaves: a latency drawn uniformly between a minimum and a maximum, and the chances
 * that a datagram is lost or delivered twice. Reordering follows from the latencies: two datagrams sent in a row may
 * arrive in either order. Streams see the latency only; they neither lose nor duplicate nor reorder.
 *
 * <p>Immutable; each {@code with…} returns a new link. Every draw comes from the loop's seeded random source.
 *
 * @param minLatency the shortest latency, not null, not negative
 * @param maxLatency the longest latency, not null, not below {@code minLatency}
 * @param loss the chance in [0, 1] that a datagram is lost
 * @param duplication the chance in [0, 1] that a datagram is delivered a second time (with its own latency)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Link(Duration minLatency, Duration maxLatency, double loss, double duplication) {

    /** Checks the components. */
    public Link {
        Objects.requireNonNull(minLatency, "minLatency");
        Objects.requireNonNull(maxLatency, "maxLatency");
        if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
            throw new IllegalArgumentException("a link's latency needs 0 <= min <= max, was min " + minLatency
                    + " and max " + maxLatency);
        }
        if (!(loss >= 0 && loss <= 1) || !(duplication >= 0 && duplication <= 1)) {
            throw new IllegalArgumentException("a link's loss and duplication are chances in [0, 1], were " + loss
                    + " and " + duplication);
        }
    }

    /**
     * A reliable link with a latency drawn uniformly from {@code min} to {@code max}.
     *
     * @param min not null
     * @param max not null, at least {@code min}
     * @return the link
     */
    public static Link latency(Duration min, Duration max) {
        return new Link(min, max, 0, 0);
    }

    /** The default link: 1 to 10 ms, no loss, no duplication. */
    public static Link defaultLink() {
        return latency(Duration.ofMillis(1), Duration.ofMillis(10));
    }

    /**
     * This link with another loss rate.
     *
     * @param chance in [0, 1]
     * @return a new link
     */
    public Link withLoss(double chance) {
        return new Link(minLatency, maxLatency, chance, duplication);
    }

    /**
     * This link with another duplication rate.
     *
     * @param chance in [0, 1]
     * @return a new link
     */
    public Link withDuplication(double chance) {
        return new Link(minLatency, maxLatency, loss, chance);
    }
}

package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A point on a loop's time line: how long after the loop started, as {@link EventLoop#time()} counts it (virtual
 * nanoseconds, or real ones on a real-time loop). Absolute times ({@link EventLoop#now()},
 * {@link EventLoop#callAt(LoopInstant, Runnable)}, {@link Sim#timeoutAt}, {@link Timeout#when()},
 * {@link Timeout#reschedule}) take this type, so they read and are written with {@link Duration}s as relative times
 * are, and cannot be mixed up with a delay.
 *
 * <pre>{@code
 * loop.callAt(LoopInstant.sinceStart(Duration.ofSeconds(5)), cb);   // at 5 s
 * t.reschedule(t.when().plus(Duration.ofSeconds(3)));                // 3 s later than planned
 * }</pre>
 *
 * <p>It prints as the trace prints times ("1.5 s"). Any {@code long} is allowed: one before the start, or before
 * now, is a deadline already past, due at once; {@link Long#MAX_VALUE} is the end of time. Arithmetic saturates
 * there instead of overflowing.
 *
 * @param nanos nanoseconds since the loop started
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record LoopInstant(long nanos) implements Comparable<LoopInstant> {

    /** The loop's start, time zero. */
    public static final LoopInstant START = new LoopInstant(0);

    /**
     * The instant {@code nanos} nanoseconds after the loop started, as {@link EventLoop#time()} returns them.
     *
     * @param nanos any value
     * @return the instant
     */
    public static LoopInstant ofNanos(long nanos) {
        return new LoopInstant(nanos);
    }

    /**
     * The instant {@code elapsed} after the loop started.
     *
     * @param elapsed the time since the start, not null; saturates at the end of time
     * @return the instant
     */
    public static LoopInstant sinceStart(Duration elapsed) {
        return new LoopInstant(VirtualTimes.nanos(Objects.requireNonNull(elapsed, "elapsed")));
    }

    /**
     * The time from the loop's start to this instant.
     *
     * @return a Duration of {@link #nanos()} nanoseconds
     */
    public Duration toDuration() {
        return Duration.ofNanos(nanos);
    }

    /**
     * This instant moved {@code amount} later (earlier for a negative amount).
     *
     * @param amount not null
     * @return the instant, saturated at the ends of a {@code long}
     */
    public LoopInstant plus(Duration amount) {
        return new LoopInstant(VirtualTimes.saturatingAdd(nanos, VirtualTimes.nanos(
                Objects.requireNonNull(amount, "amount"))));
    }

    /**
     * This instant moved {@code amount} earlier.
     *
     * @param amount not null
     * @return the instant, saturated at the ends of a {@code long}
     */
    public LoopInstant minus(Duration amount) {
        return plus(Objects.requireNonNull(amount, "amount").negated());
    }

    /**
     * The time from this instant to {@code later} (negative if it is earlier).
     *
     * @param later not null
     * @return the duration between them
     */
    public Duration until(LoopInstant later) {
        return Duration.ofNanos(Objects.requireNonNull(later, "later").nanos).minusNanos(nanos);
    }

    /**
     * Whether this instant comes before {@code other}.
     *
     * @param other not null
     * @return true if earlier
     */
    public boolean isBefore(LoopInstant other) {
        return nanos < other.nanos;
    }

    /**
     * Whether this instant comes after {@code other}.
     *
     * @param other not null
     * @return true if later
     */
    public boolean isAfter(LoopInstant other) {
        return nanos > other.nanos;
    }

    @Override
    public int compareTo(LoopInstant other) {
        return Long.compare(nanos, other.nanos);
    }

    /** The time as the trace prints it: "0 s", "1.5 s", "the end of time". */
    @Override
    public String toString() {
        return VirtualTimes.format(nanos);
    }
}

package dev.simloop;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A {@link Clock} (and so an {@link java.time.InstantSource}) that reads its loop's virtual time: {@code start} plus
 * {@link EventLoop#time()}. Made by {@link EventLoop#clock()}.
 *
 * <p>Like the loop, it answers on the loop's thread only; another thread gets a {@link WrongThreadException}.
 */
final class SimClock extends Clock {

    private final EventLoop loop;
    /** The instant at virtual time zero. */
    private final Instant start;
    private final ZoneId zone;

    SimClock(EventLoop loop, Instant start, ZoneId zone) {
        this.loop = loop;
        this.start = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant instant() {
        return start.plusNanos(loop.time());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimClock(loop, start, zone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimClock c && c.loop == loop && c.start.equals(start) && c.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "SimClock[loop " + loop.name() + ", virtual time zero at " + start + ", " + zone + "]";
    }
}

package dev.simloop;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A {@link Clock} (and so an {@link java.time.InstantSource}) that reads its loop's time: {@code start} plus
 * {@link EventLoop#time()}, which is virtual time, or real time since the loop started on a
 * {@linkplain EventLoop.Builder#realTime() real-time} loop. Made by {@link EventLoop#clock()}.
 *
 * <p>Like the loop, it answers on the loop's thread only; another thread gets a {@link WrongThreadException}.
 */
final class LoopTimeClock extends Clock {

    private final EventLoop loop;
    /** The instant at the loop's time zero. */
    private final Instant start;
    private final ZoneId zone;

    LoopTimeClock(EventLoop loop, Instant start, ZoneId zone) {
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
        return new LoopTimeClock(loop, start, zone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoopTimeClock c && c.loop == loop && c.start.equals(start) && c.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "LoopTimeClock[loop " + loop.name() + ", " + (loop.isRealTime() ? "real" : "virtual") + " time zero at "
                + start + ", " + zone + "]";
    }
}

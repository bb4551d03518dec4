package dev.simloop.realworld;

import dev.simloop.EventLoop;
import dev.simloop.Sim;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A circuit breaker on the loop's time: closed, it lets every request through and opens after {@code threshold}
 * failures in a row; open, it refuses them for {@code openFor}; then half-open, it lets exactly one trial through,
 * whose success closes it and whose failure opens it again.
 *
 * <p>Each transition is written to an audit log, a blocking call, through {@link Sim#toThread}: so
 * {@link #tryAcquire()} may suspend. Confined to its loop, like the loop itself.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CircuitBreaker {

    /** What {@link #tryAcquire()} grants. */
    public enum Permit { NORMAL, TRIAL }

    /** The breaker's state. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final EventLoop loop;
    private final int threshold;
    private final long openForNanos;
    private final Consumer<String> audit;
    private final boolean plantedBug;
    private State state = State.CLOSED;
    private int failuresInARow;
    private long openedAt;
    /** Trial permits granted and not yet recorded; the contract is that it never exceeds 1. */
    private int trialsInFlight;

    /**
     * A closed breaker on {@code loop}.
     *
     * @param loop the loop whose time it reads, not null
     * @param threshold failures in a row that open it, positive
     * @param openFor how long it stays open before a trial, not null
     * @param audit the blocking audit log (called on another thread in real time), not null
     * @param plantedBug true for the demonstration's bug: the open-to-half-open transition is audited before it is
     *     made, so two requests that arrive during the audit both get a trial
     */
    public CircuitBreaker(EventLoop loop, int threshold, Duration openFor, Consumer<String> audit, boolean plantedBug) {
        this.loop = Objects.requireNonNull(loop, "loop");
        if (threshold <= 0) {
            throw new IllegalArgumentException("threshold must be positive, was " + threshold);
        }
        this.threshold = threshold;
        this.openForNanos = Objects.requireNonNull(openFor, "openFor").toNanos();
        this.audit = Objects.requireNonNull(audit, "audit");
        this.plantedBug = plantedBug;
    }

    /** A permit for one request, or null if the breaker refuses it; may suspend to write the audit log. */
    public Permit tryAcquire() {
        switch (state) {
            case CLOSED:
                return Permit.NORMAL;
            case HALF_OPEN:
                return null;
            default:
                if (loop.time() - openedAt < openForNanos) {
                    return null;
                }
                if (plantedBug) {
                    auditTransition("half-open");
                }
                state = State.HALF_OPEN;
                trialsInFlight++;
                if (!plantedBug) {
                    auditTransition("half-open");
                }
                return Permit.TRIAL;
        }
    }

    /**
     * Records how the request of {@code permit} went. A trial closes or reopens the breaker; a normal request counts
     * towards the threshold while the breaker is closed and is ignored otherwise (it was sent before it opened).
     *
     * @param permit what {@link #tryAcquire()} granted, not null
     * @param ok whether the request succeeded
     */
    public void record(Permit permit, boolean ok) {
        if (permit == Permit.TRIAL) {
            trialsInFlight--;
            failuresInARow = 0;
            if (ok) {
                state = State.CLOSED;
            } else {
                open();
            }
            auditTransition(ok ? "closed" : "open");
        } else if (state == State.CLOSED) {
            failuresInARow = ok ? 0 : failuresInARow + 1;
            if (failuresInARow >= threshold) {
                open();
                auditTransition("open");
            }
        }
    }

    private void open() {
        state = State.OPEN;
        openedAt = loop.time();
        failuresInARow = 0;
    }

    private void auditTransition(String to) {
        String line = "breaker " + to + " at " + loop.time() / 1_000_000 + " ms";
        Sim.toThread(() -> {
            audit.accept(line);
            return null;
        });
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** Trial permits granted and not yet recorded: at most 1, unless the planted bug is on. */
    public int trialsInFlight() {
        return trialsInFlight;
    }
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.sleep;

import java.time.Duration;

/** What the scenarios' fake services share: I/O as a virtual-time wait, and the oracle's check. */
final class Io {
    private Io() {}

    /** Waits {@code millis} of virtual time, as a call to a disk, a database or a remote service would. */
    static void latency(long millis) {
        sleep(Duration.ofMillis(millis));
    }

    /**
     * The oracle: throws an {@link AssertionError} with {@code message} when {@code invariant} does not hold.
     *
     * @param invariant what must hold
     * @param message what went wrong, with the numbers
     */
    static void check(boolean invariant, String message) {
        if (!invariant) {
            throw new AssertionError(message);
        }
    }
}

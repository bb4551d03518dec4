package dev.simloop.scenarios;

import java.time.Duration;

/** What the scenarios' fake services share: latencies in milliseconds, and the oracle's check. */
final class Io {
    private Io() {}

    /**
     * {@code millis} milliseconds, for {@code sleep(ms(5))}: a call to a disk, a database or a remote service, in
     * virtual time. (A helper that slept itself would show as the suspension's source line in detailed traces.)
     */
    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
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

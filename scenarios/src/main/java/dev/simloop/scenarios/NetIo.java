package dev.simloop.scenarios;

import static dev.simloop.Sim.waitFor;

import dev.simloop.Coroutine;
import dev.simloop.SimTimeoutException;
import dev.simloop.net.Datagram;
import dev.simloop.net.Endpoint;
import java.time.Duration;

/** What the network scenarios share: a receive with a deadline, and the oracle's check. */
final class NetIo {
    private NetIo() {}

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** The next datagram on {@code e}, or null if none arrives within {@code timeout} of virtual time. */
    static Datagram receive(Endpoint e, Duration timeout) {
        Datagram ready = e.poll();
        if (ready != null) {
            return ready;
        }
        try {
            return waitFor(Coroutine.of("receive", e::receive), timeout);
        } catch (SimTimeoutException timedOut) {
            return null;
        }
    }

    static void check(boolean invariant, String message) {
        if (!invariant) {
            throw new AssertionError(message);
        }
    }
}

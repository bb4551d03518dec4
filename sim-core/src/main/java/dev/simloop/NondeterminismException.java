package dev.simloop;

import org.apiguardian.api.API;

/**
 * A seed ran twice and the two runs did not do the same: something outside (seed, policy) decides what the code does
 * (the wall clock, {@code Math.random()}, iteration over identity hashes, another thread). The message names the
 * first step where the runs part and shows both events.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class NondeterminismException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the report, not null
     */
    public NondeterminismException(String message) {
        super(message);
    }
}

package dev.simloop.net;

import org.apiguardian.api.API;

/**
 * A {@link Stream} was reset: its peer crashed, or a partition between the two ends outlasted the network's stream
 * timeout. Every later read or write of that end throws it again.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConnectionResetException extends NetException {
    private static final long serialVersionUID = 1L;

    /**
     * A reset with its reason.
     *
     * @param message which stream and why, not null
     */
    public ConnectionResetException(String message) {
        super(message);
    }
}

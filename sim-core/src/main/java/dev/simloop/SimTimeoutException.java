package dev.simloop;

import org.apiguardian.api.API;

/**
 * Thrown when a virtual-time deadline passes: by a {@link Timeout} scope that its own expiry cancelled, by
 * {@link Sim#waitFor}, and by {@link AsCompleted#next()} (asyncio's {@code TimeoutError}).
 *
 * <p>Its cause, when there is one, is the {@link CancelledException} the expiry delivered to the body.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class SimTimeoutException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out, in virtual time, not null
     * @param cause the cancellation the expiry caused, may be null
     */
    public SimTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}

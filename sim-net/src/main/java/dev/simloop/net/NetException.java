package dev.simloop.net;

import org.apiguardian.api.API;

/**
 * A network operation failed: a closed endpoint or stream, a refused or timed-out connect, a reset stream.
 *
 * <p>Unchecked, like the loop's own {@code SimTimeoutException}, so that coroutine bodies and callbacks need no
 * {@code throws} clause; catch it where a real program would catch an {@code IOException}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class NetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message that says what happened.
     *
     * @param message not null
     */
    public NetException(String message) {
        super(message);
    }
}

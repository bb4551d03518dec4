package dev.simloop;

import org.apiguardian.api.API;

/**
 * Thrown into a task at its next suspension point when it is cancelled (asyncio's {@code CancelledError}).
 *
 * <p>Let it propagate: a coroutine that catches it and returns a value completes normally, which is how a task
 * refuses cancellation. Beware {@code catch (Exception e)}: it catches this too; rethrow it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class CancelledException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the cancel message, may be null (then the exception says only that it was cancelled)
     */
    public CancelledException(String message) {
        super(message == null ? "cancelled" : message);
        this.cancelMessage = message;
    }

    private final String cancelMessage;

    /** The message given to {@code cancel(message)}, or null if none was. */
    public String cancelMessage() {
        return cancelMessage;
    }
}

package dev.simloop.sync;

import dev.simloop.SimException;
import org.apiguardian.api.API;

/** Thrown when putNowait found a bounded queue full (asyncio's {@code QueueFull}); use {@code put()} to wait for room. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class QueueFullException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do, not null
     */
    public QueueFullException(String message) {
        super(message);
    }
}

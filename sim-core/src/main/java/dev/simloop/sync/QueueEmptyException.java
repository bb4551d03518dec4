package dev.simloop.sync;

import dev.simloop.SimException;
import org.apiguardian.api.API;

/** Thrown when getNowait found the queue empty (asyncio's {@code QueueEmpty}); use {@code get()} to wait for an item. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class QueueEmptyException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do, not null
     */
    public QueueEmptyException(String message) {
        super(message);
    }
}

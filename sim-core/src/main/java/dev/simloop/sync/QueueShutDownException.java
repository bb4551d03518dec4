package dev.simloop.sync;

import dev.simloop.SimException;
import org.apiguardian.api.API;

/** Thrown when the queue was shut down: put on a shut-down queue, or get on one that is empty or was shut down immediately (asyncio's {@code QueueShutDown}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class QueueShutDownException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do, not null
     */
    public QueueShutDownException(String message) {
        super(message);
    }
}

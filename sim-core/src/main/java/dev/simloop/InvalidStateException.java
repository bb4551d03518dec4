package dev.simloop;

import org.apiguardian.api.API;

/** An operation that the future or task cannot do in its current state (asyncio's {@code InvalidStateError}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class InvalidStateException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do, not null
     */
    public InvalidStateException(String message) {
        super(message);
    }
}

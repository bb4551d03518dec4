package dev.simloop;

import org.apiguardian.api.API;

/** The root of simloop's own exceptions; all unchecked. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class SimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do, not null
     */
    public SimException(String message) {
        super(message);
    }

    /**
     * @param message what happened and what to do, not null
     * @param cause the underlying failure, may be null
     */
    public SimException(String message, Throwable cause) {
        super(message, cause);
    }
}

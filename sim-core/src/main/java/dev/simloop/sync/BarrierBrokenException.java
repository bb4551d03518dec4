package dev.simloop.sync;

import dev.simloop.SimException;
import org.apiguardian.api.API;

/** Thrown when a {@link Barrier} was reset or aborted while a task waited at it, or is broken (asyncio's {@code BrokenBarrierError}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class BarrierBrokenException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do, not null
     */
    public BarrierBrokenException(String message) {
        super(message);
    }
}

package dev.simloop;

import org.apiguardian.api.API;

/** When {@link Sim#wait} returns (asyncio's {@code FIRST_COMPLETED}, {@code FIRST_EXCEPTION}, {@code ALL_COMPLETED}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ReturnWhen {
    /** As soon as any one is done (or cancelled). */
    FIRST_COMPLETED,
    /** As soon as one finishes with an exception (a cancellation does not count), or all are done. */
    FIRST_EXCEPTION,
    /** When all are done. */
    ALL_COMPLETED
}

package dev.simloop;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * What {@link Sim#wait} returns: the tasks and futures that were done, and those still pending, each set in the order
 * they were given (asyncio returns two unordered sets; here the order is the argument order).
 *
 * @param done the done ones, not null
 * @param pending the pending ones, not null
 * @param <A> the type of the awaitables
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DoneAndPending<A>(Set<A> done, Set<A> pending) {

    /** Checks that neither set is null. */
    public DoneAndPending {
        java.util.Objects.requireNonNull(done, "done");
        java.util.Objects.requireNonNull(pending, "pending");
    }
}

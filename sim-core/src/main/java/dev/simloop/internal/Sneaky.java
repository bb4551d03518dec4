package dev.simloop.internal;

import org.apiguardian.api.API;

/** Rethrows any throwable unchanged, checked ones included, the way {@code await} hands on a failure. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Sneaky {
    private Sneaky() {}

    /**
     * Throws {@code t} as it is; declared to return an exception so call sites can write {@code throw Sneaky.rethrow(t)}.
     *
     * @param t the throwable to throw, not null
     * @return never returns
     */
    public static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>doThrow(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E doThrow(Throwable t) throws E {
        throw (E) t;
    }
}

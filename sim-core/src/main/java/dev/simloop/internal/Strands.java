package dev.simloop.internal;

import org.apiguardian.api.API;

/** Makes strands of either kind and tells whether the fast one can run in this JVM. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Strands {
    private Strands() {}

    /** Whether {@code jdk.internal.vm.Continuation} is usable here (the JVM exports it to simloop). */
    public static boolean continuationAvailable() {
        return ContinuationStrand.AVAILABLE;
    }

    /** Why the continuation strand is not usable, or null when it is. */
    public static String continuationUnavailableReason() {
        return ContinuationStrand.UNAVAILABLE_REASON;
    }

    /**
     * A strand on {@code jdk.internal.vm.Continuation}; only when {@link #continuationAvailable()}.
     *
     * @param body the code to run, not null
     * @return a strand that has not started
     */
    public static Strand continuation(Runnable body) {
        return new ContinuationStrand(body);
    }

    /**
     * A strand on a virtual thread of its own, handed a baton.
     *
     * @param body the code to run, not null
     * @param threadName the virtual thread's name, not null
     * @return a strand that has not started
     */
    public static Strand baton(Runnable body, String threadName) {
        return new BatonStrand(body, threadName);
    }
}

package dev.simloop.internal;

import org.apiguardian.api.API;

/**
 * A body of code that can stop mid-method and be resumed later: how a coroutine suspends at {@code await}.
 *
 * <p>Exactly one side runs at a time: the driver (the loop's thread) calls {@link #resume()}, which returns when the
 * body calls {@link #suspend()} or ends. Implementations never run the body concurrently with the driver, so
 * determinism does not depend on the JVM's thread scheduler.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface Strand {

    /** Runs the body until it suspends or ends. Called by the driver only; not while the body runs. */
    void resume();

    /** Gives control back to the driver; returns when the driver resumes this strand. Called from the body only. */
    void suspend();

    /** Whether the body has ended (normally or with an exception). */
    boolean isDone();

    /**
     * Returns once everything the strand ran on is released, after its body {@linkplain #isDone() ended}: for the
     * baton strand, once its virtual thread has terminated (the JDK keeps a live virtual thread reachable, parked or
     * not). Called by the driver when its loop closes.
     */
    default void awaitRelease() {}

    /**
     * The thread that executes the body while it runs: the driver's own thread for continuations, a dedicated
     * virtual thread for the baton strand. Used to admit the body's calls into its loop.
     *
     * @param driver the driver's thread
     * @return the thread the body runs on
     */
    Thread bodyThread(Thread driver);
}

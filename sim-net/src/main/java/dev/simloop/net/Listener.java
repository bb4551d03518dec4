package dev.simloop.net;

import org.apiguardian.api.API;

/**
 * A listening stream port on a {@link Host}: {@link #accept()} the next connection made to it. Made by
 * {@link Host#listen(int)}; closed by {@link #close()} or when its node crashes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Listener {

    /** The address connections are made to. */
    Address address();

    /**
     * The next connection, suspending the current task until one is made. Call it from a coroutine.
     *
     * @return this host's end of the new stream
     * @throws NetException if the listener is closed
     */
    Stream accept();

    /** Stops listening and frees the port; a task waiting in {@link #accept()} gets a {@link NetException}. */
    void close();
}

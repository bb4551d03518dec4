package dev.simloop.net;

import org.apiguardian.api.API;

/**
 * One end of an ordered, reliable connection between two hosts (TCP's guarantees, with messages as objects).
 *
 * <p>Writes never suspend; messages arrive in the order written. A stream is reset (every later read or write throws
 * {@link ConnectionResetException}) when the peer crashes or, in simulation, when a partition between the ends
 * outlasts the network's stream timeout. Made by {@link Host#connect} and {@link Listener#accept}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Stream {

    /** This end's address. */
    Address localAddress();

    /** The other end's address. */
    Address remoteAddress();

    /**
     * Sends {@code message} to the peer, after everything written before it; never suspends.
     *
     * @param message what to send, may be null ({@link java.io.Serializable} on real sockets)
     * @throws ConnectionResetException if the stream was reset
     * @throws NetException if this end was closed
     */
    void write(Object message);

    /**
     * The next message from the peer, suspending the current task until one arrives; null once the peer has closed
     * its end and every message before that was read. Call it from a coroutine.
     *
     * @return the message, or null at the end of the stream
     * @throws ConnectionResetException if the stream was reset
     */
    Object read();

    /** Closes this end for writing: the peer reads null after the messages already written. Idempotent. */
    void close();

    /** Whether the stream was reset (then {@link #read()} and {@link #write} throw). */
    boolean isReset();
}

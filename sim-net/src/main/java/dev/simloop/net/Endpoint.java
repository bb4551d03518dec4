package dev.simloop.net;

import org.apiguardian.api.API;

/**
 * A bound datagram port on a {@link Host}: {@link #send} a message to any address, {@link #receive} the next one.
 *
 * <p>Datagrams may be lost, delivered twice or out of order. On a simulated {@link Node} the {@link Link} between the
 * nodes decides, and datagrams are dropped while a partition cuts the link at their arrival; on a {@link SocketHost}
 * the operating system's UDP does. Made by {@link Host#bind(int)}; closed by {@link #close()} or when its node
 * crashes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Endpoint {

    /** This endpoint's address. */
    Address address();

    /**
     * Sends {@code payload} to {@code to}; never suspends. A datagram to an address nobody has bound is dropped, as
     * UDP does.
     *
     * @param to the receiver, not null; an unknown node name is an error
     * @param payload what to send, may be null ({@link java.io.Serializable} on real sockets)
     * @throws NetException if this endpoint is closed
     */
    void send(Address to, Object payload);

    /**
     * The next datagram, suspending the current task until one arrives (wrap it in {@code Sim.waitFor} or a
     * {@code Sim.timeout} scope for a deadline). Call it from a coroutine.
     *
     * @return the datagram, not null
     * @throws NetException if this endpoint is closed
     */
    Datagram receive();

    /** The next datagram already arrived, or null; never suspends. */
    Datagram poll();

    /** Closes the endpoint and frees its port; a task waiting in {@link #receive()} gets a {@link NetException}. */
    void close();
}

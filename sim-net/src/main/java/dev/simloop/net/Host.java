package dev.simloop.net;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import org.apiguardian.api.API;

/**
 * What a node's code sees of the machine it runs on: its name, its tasks, its ports and streams, and its clock. Write
 * a service against {@code Host} and it runs both on a simulated {@link Node} (virtual time, seeded faults) and on a
 * {@link SocketHost} (the real-time loop, real sockets): {@code static void start(Host host)} is a start function for
 * either.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Host {

    /** The host's name, which addresses use. */
    String name();

    /**
     * The address of {@code port} on this host.
     *
     * @param port 0 to 65535
     * @return the address
     */
    default Address address(int port) {
        return new Address(name(), port);
    }

    /** The host's clock in nanoseconds: the loop's time, skewed on a simulated node if asked. */
    long now();

    /**
     * Starts a background task on this host, named {@code host/name}; a crash of a simulated node cancels it.
     *
     * @param taskName the task's name on the host, not null
     * @param coroutine the body, not null, not started
     * @param <T> the result type
     * @return the task
     */
    <T> Task<T> spawn(String taskName, Coroutine<T> coroutine);

    /**
     * Binds a datagram port.
     *
     * @param port 1 to 65535, not bound on this host
     * @return the endpoint
     */
    Endpoint bind(int port);

    /**
     * Listens for stream connections on a port.
     *
     * @param port 1 to 65535, not listened on on this host
     * @return the listener
     */
    Listener listen(int port);

    /**
     * Opens a stream to {@code to}, suspending the current task for the handshake. Call it from a coroutine.
     *
     * @param to the listening address, not null
     * @return this host's end of the stream
     * @throws NetException if the connection is refused or times out
     */
    Stream connect(Address to);
}

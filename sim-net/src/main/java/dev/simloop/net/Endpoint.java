package dev.simloop.net;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A bound datagram port on a node: {@link #send} a message to any address, {@link #receive} the next one.
 *
 * <p>Datagrams may be lost, delivered twice or out of order, as the {@link Link} between the nodes says, and are
 * dropped while a partition cuts the link at their arrival. Made by {@link Node#bind(int)}; closed by
 * {@link #close()} or when its node crashes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Endpoint {
    private final Node node;
    private final Address address;
    final Inbox<Datagram> inbox;
    private boolean closed;

    Endpoint(Node node, int port) {
        this.node = node;
        this.address = new Address(node.name(), port);
        this.inbox = new Inbox<>(node.network().loop(), "receive " + address);
    }

    /** This endpoint's address. */
    public Address address() {
        return address;
    }

    /**
     * Sends {@code payload} to {@code to}; never suspends. A datagram to an address nobody has bound is dropped on
     * arrival, as UDP does.
     *
     * @param to the receiver, not null; an unknown node name is an error
     * @param payload what to send, may be null
     * @throws NetException if this endpoint is closed
     */
    public void send(Address to, Object payload) {
        Objects.requireNonNull(to, "to");
        if (closed) {
            throw new NetException("endpoint " + address + " is closed: bind the port again to send");
        }
        node.network().sendDatagram(node, address, to, payload);
    }

    /**
     * The next datagram, suspending the current task until one arrives (wrap it in {@code Sim.waitFor} or a
     * {@code Sim.timeout} scope for a deadline in virtual time). Call it from a coroutine.
     *
     * @return the datagram, not null
     * @throws NetException if this endpoint is closed
     */
    public Datagram receive() {
        return inbox.take();
    }

    /** The next datagram already arrived, or null; never suspends. */
    public Datagram poll() {
        return inbox.poll();
    }

    /** Closes the endpoint and frees its port; a task waiting in {@link #receive()} gets a {@link NetException}. */
    public void close() {
        if (!closed) {
            closed = true;
            node.unbind(this);
            inbox.fail(new NetException("endpoint " + address + " is closed"));
        }
    }

    void crashed() {
        closed = true;
        inbox.fail(new NetException("endpoint " + address + " is gone: node " + node.name() + " crashed"));
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "Endpoint[" + address + (closed ? ", closed" : "") + "]";
    }
}

package dev.simloop.net;

import java.util.Objects;

/** A bound datagram port of a simulated {@link Node}: see {@link Endpoint}. */
final class SimEndpoint implements Endpoint {
    private final Node node;
    private final Address address;
    final Inbox<Datagram> inbox;
    private boolean closed;

    SimEndpoint(Node node, int port) {
        this.node = node;
        this.address = new Address(node.name(), port);
        this.inbox = new Inbox<>(node.network().loop(), "receive " + address);
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public void send(Address to, Object payload) {
        Objects.requireNonNull(to, "to");
        if (closed) {
            throw new NetException("endpoint " + address + " is closed: bind the port again to send");
        }
        DatagramDelivery.send(node.network(), node, address, to, payload);
    }

    @Override
    public Datagram receive() {
        return inbox.take();
    }

    @Override
    public Datagram poll() {
        return inbox.poll();
    }

    @Override
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

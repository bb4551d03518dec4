package dev.simloop.net;

/** A listening stream port of a simulated {@link Node}: see {@link Listener}. */
final class SimListener implements Listener {
    private final Node node;
    private final Address address;
    final Inbox<Stream> pending;
    private boolean closed;

    SimListener(Node node, int port) {
        this.node = node;
        this.address = new Address(node.name(), port);
        this.pending = new Inbox<>(node.network().loop(), "accept " + address);
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public Stream accept() {
        return pending.take();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            node.unlisten(this);
            pending.fail(new NetException("listener " + address + " is closed"));
        }
    }

    void crashed() {
        closed = true;
        pending.fail(new NetException("listener " + address + " is gone: node " + node.name() + " crashed"));
    }

    @Override
    public String toString() {
        return "Listener[" + address + (closed ? ", closed" : "") + "]";
    }
}

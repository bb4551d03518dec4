package dev.simloop.net;

import org.apiguardian.api.API;

/**
 * A listening stream port on a node: {@link #accept()} the next connection made to it. Made by
 * {@link Node#listen(int)}; closed by {@link #close()} or when its node crashes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Listener {
    private final Node node;
    private final Address address;
    final Inbox<Stream> pending;
    private boolean closed;

    Listener(Node node, int port) {
        this.node = node;
        this.address = new Address(node.name(), port);
        this.pending = new Inbox<>(node.network().loop(), "accept " + address);
    }

    /** The address connections are made to. */
    public Address address() {
        return address;
    }

    /**
     * The next connection, suspending the current task until one is made. Call it from a coroutine.
     *
     * @return this node's end of the new stream
     * @throws NetException if the listener is closed
     */
    public Stream accept() {
        return pending.take();
    }

    /** Stops listening and frees the port; a task waiting in {@link #accept()} gets a {@link NetException}. */
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

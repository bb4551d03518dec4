package dev.simloop.net;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a message goes: a node's name and a port on it.
 *
 * @param node the node's name, not null
 * @param port the port, 0 to 65535
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Address(String node, int port) {

    /** Checks the components. */
    public Address {
        Objects.requireNonNull(node, "node");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535, was " + port + " (node " + node + ")");
        }
    }

    /** {@code node:port}, as messages print it. */
    @Override
    public String toString() {
        return node + ":" + port;
    }
}

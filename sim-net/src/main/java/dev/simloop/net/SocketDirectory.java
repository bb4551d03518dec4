package dev.simloop.net;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where the logical addresses of {@link SocketHost}s are on real sockets: {@code server:80} may be
 * {@code 127.0.0.1:41234}. Addresses not in the directory (a client's ephemeral port) are named by their IP address
 * and real port. Mutable while it is set up; share it between the hosts of one deployment.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SocketDirectory {
    private final Map<Address, InetSocketAddress> real = new LinkedHashMap<>();
    private final Map<InetSocketAddress, Address> logical = new LinkedHashMap<>();

    private SocketDirectory() {}

    /** An empty directory. */
    public static SocketDirectory create() {
        return new SocketDirectory();
    }

    /**
     * Places a logical address on a real one.
     *
     * @param address the logical address, not null, not placed yet
     * @param socket the real one, not null
     * @return this directory
     */
    public synchronized SocketDirectory put(Address address, InetSocketAddress socket) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(socket, "socket");
        if (real.containsKey(address)) {
            throw new IllegalArgumentException(address + " is already at " + real.get(address));
        }
        real.put(address, socket);
        logical.put(socket, address);
        return this;
    }

    /** The real address of {@code address}; a clear error if it was never placed. */
    synchronized InetSocketAddress resolve(Address address) {
        InetSocketAddress s = real.get(address);
        if (s == null) {
            throw new NetException("no real address for " + address + " in the socket directory; put it there first");
        }
        return s;
    }

    /** The logical address of a real one, or the IP address and port as an address. */
    synchronized Address reverse(InetSocketAddress socket) {
        Address a = logical.get(socket);
        return a != null ? a : new Address(socket.getAddress().getHostAddress(), socket.getPort());
    }
}

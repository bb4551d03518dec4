package dev.simloop.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Objects;

/** A datagram port on a {@link DatagramChannel}. */
final class SocketEndpoint implements Endpoint {
    private final SocketHost host;
    private final Address address;
    private final DatagramChannel ch;
    private final Inbox<Datagram> inbox;

    SocketEndpoint(SocketHost host, Address address, DatagramChannel ch) {
        this.host = host;
        this.address = address;
        this.ch = ch;
        this.inbox = new Inbox<>(host.loop(), "receive " + address);
        host.reader("udp " + address, this::readLoop);
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(SocketHost.MAX_DATAGRAM);
        while (true) {
            try {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
                Object payload = SocketHost.decode(buf.array(), buf.position());
                Datagram d = new Datagram(host.directory().reverse(from), address, payload);
                if (!host.handIn(() -> inbox.offer(d))) {
                    return;
                }
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                // A datagram that does not decode is dropped, as a corrupt one would be.
            }
        }
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public void send(Address to, Object payload) {
        Objects.requireNonNull(to, "to");
        try {
            ch.send(ByteBuffer.wrap(SocketHost.encode(payload)), host.directory().resolve(to));
        } catch (IOException e) {
            throw new NetException("endpoint " + address + " cannot send to " + to + ": " + e.getMessage());
        }
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
        try {
            ch.close();
        } catch (IOException ignored) {
            // closed anyway
        }
        inbox.fail(new NetException("endpoint " + address + " is closed"));
    }
}

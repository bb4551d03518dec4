package dev.simloop.net;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A listening port on a {@link ServerSocketChannel}. */
final class SocketListener implements Listener {
    private final SocketHost host;
    private final Address address;
    private final ServerSocketChannel ch;
    private final Inbox<Stream> pending;

    SocketListener(SocketHost host, Address address, ServerSocketChannel ch) {
        this.host = host;
        this.address = address;
        this.ch = ch;
        this.pending = new Inbox<>(host.loop(), "accept " + address);
        host.reader("accept " + address, this::acceptLoop);
    }

    private void acceptLoop() {
        while (true) {
            try {
                SocketChannel c = ch.accept();
                host.track(c);
                if (!host.handIn(() -> pending.offer(new SocketStream(host, c, null)))) {
                    c.close();
                    return;
                }
            } catch (IOException closed) {
                return;
            }
        }
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
        try {
            ch.close();
        } catch (IOException ignored) {
            // closed anyway
        }
        pending.fail(new NetException("listener " + address + " is closed"));
    }
}

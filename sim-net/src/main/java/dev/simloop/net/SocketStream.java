package dev.simloop.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A stream on a {@link SocketChannel}: each message is its length and its serialized bytes. */
final class SocketStream implements Stream {
    private final SocketHost host;
    private final SocketChannel ch;
    private final Address local;
    private final Address remote;
    private final Inbox<Object> inbox;
    private boolean closedLocally;
    private boolean eof;
    private ConnectionResetException reset;

    SocketStream(SocketHost host, SocketChannel ch, Address remote) {
        this.host = host;
        this.ch = ch;
        try {
            this.local = host.directory().reverse((InetSocketAddress) ch.getLocalAddress());
            this.remote = remote != null ? remote
                    : host.directory().reverse((InetSocketAddress) ch.getRemoteAddress());
        } catch (IOException e) {
            throw new NetException("stream closed at once: " + e.getMessage());
        }
        this.inbox = new Inbox<>(host.loop(), "read " + local + "<-" + this.remote);
        host.reader("tcp " + local + "<-" + this.remote, this::readLoop);
    }

    private void readLoop() {
        ByteBuffer header = ByteBuffer.allocate(4);
        while (true) {
            try {
                header.clear();
                if (!fill(header)) {
                    host.handIn(() -> inbox.offer(SimStream.EOF));
                    return;
                }
                int length = header.getInt(0);
                ByteBuffer body = ByteBuffer.allocate(length);
                if (!fill(body)) {
                    host.handIn(() -> inbox.offer(SimStream.EOF));
                    return;
                }
                Object message = SocketHost.decode(body.array(), length);
                Object item = message == null ? SimStream.NULL : message;
                if (!host.handIn(() -> inbox.offer(item))) {
                    return;
                }
            } catch (IOException e) {
                String why = e.getMessage();
                host.handIn(() -> resetNow(why));
                return;
            }
        }
    }

    /** Reads until {@code buf} is full; false at the end of the stream. */
    private boolean fill(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return false;
            }
        }
        return true;
    }

    private void resetNow(String why) {
        if (reset == null) {
            reset = new ConnectionResetException("connection " + local + "<->" + remote + " reset: " + why);
            inbox.fail(reset);
        }
    }

    @Override
    public Address localAddress() {
        return local;
    }

    @Override
    public Address remoteAddress() {
        return remote;
    }

    @Override
    public void write(Object message) {
        if (reset != null) {
            throw reset;
        }
        if (closedLocally) {
            throw new NetException("stream " + local + "->" + remote + " is closed for writing");
        }
        byte[] bytes = SocketHost.encode(message);
        ByteBuffer buf = ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).flip();
        try {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        } catch (IOException e) {
            resetNow(e.getMessage());
            throw reset;
        }
    }

    @Override
    public Object read() {
        if (eof) {
            return null;
        }
        Object item = inbox.take();
        if (item == SimStream.EOF) {
            eof = true;
            return null;
        }
        return item == SimStream.NULL ? null : item;
    }

    @Override
    public void close() {
        if (!closedLocally && reset == null) {
            closedLocally = true;
            try {
                ch.shutdownOutput();
            } catch (IOException ignored) {
                // the peer reads an end or a reset either way
            }
        }
    }

    @Override
    public boolean isReset() {
        return reset != null;
    }
}

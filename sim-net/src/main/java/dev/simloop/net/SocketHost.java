package dev.simloop.net;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Sim;
import dev.simloop.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link Host} on real sockets (java.nio) for a real-time loop ({@code EventLoop.builder().realTime()}): the same
 * node code that runs on a simulated {@link Node} runs here for real.
 *
 * <p>Each endpoint, listener and stream has a reader thread that blocks in the socket and hands what arrives to the
 * loop with {@link EventLoop#callSoonThreadsafe}: that is where real time and other threads enter the loop. Sends and
 * writes happen on the loop's thread (a datagram send and a stream write to a socket with buffer space do not block
 * long). Payloads go over the wire with Java serialization, so they must be {@link java.io.Serializable}; a stream
 * frames each message with its length. Logical addresses are placed on real ones by a {@link SocketDirectory}.
 * {@link #close()} closes every socket, which ends the reader threads.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SocketHost implements Host, AutoCloseable {
    private static final int MAX_DATAGRAM = 65_507;

    private final EventLoop loop;
    private final String name;
    private final SocketDirectory directory;
    /** Every channel opened, to close them all. */
    private final List<java.nio.channels.Channel> channels = new ArrayList<>();

    private SocketHost(EventLoop loop, String name, SocketDirectory directory) {
        this.loop = loop;
        this.name = name;
        this.directory = directory;
    }

    /**
     * A host called {@code name} on {@code loop}.
     *
     * @param loop a real-time loop, not null
     * @param name the host's name, not null
     * @param directory where logical addresses are, not null
     * @return the host
     */
    public static SocketHost on(EventLoop loop, String name, SocketDirectory directory) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        if (!loop.isRealTime()) {
            throw new IllegalArgumentException("a SocketHost needs a real-time loop (EventLoop.builder().realTime()); "
                    + "under simulation use Network.addNode");
        }
        return new SocketHost(loop, name, directory);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long now() {
        return loop.time();
    }

    @Override
    public <T> Task<T> spawn(String taskName, Coroutine<T> coroutine) {
        Objects.requireNonNull(taskName, "taskName");
        return loop.createBackgroundTask(name + "/" + taskName, coroutine);
    }

    @Override
    public Endpoint bind(int port) {
        Address address = new Address(name, port);
        try {
            DatagramChannel ch = DatagramChannel.open().bind(directory.resolve(address));
            track(ch);
            return new SocketEndpoint(address, ch);
        } catch (IOException e) {
            throw new NetException("cannot bind " + address + ": " + e.getMessage());
        }
    }

    @Override
    public Listener listen(int port) {
        Address address = new Address(name, port);
        try {
            ServerSocketChannel ch = ServerSocketChannel.open().bind(directory.resolve(address));
            track(ch);
            return new SocketListener(address, ch);
        } catch (IOException e) {
            throw new NetException("cannot listen on " + address + ": " + e.getMessage());
        }
    }

    @Override
    public Stream connect(Address to) {
        Objects.requireNonNull(to, "to");
        InetSocketAddress target = directory.resolve(to);
        SocketChannel ch;
        try {
            ch = Sim.toThread(() -> SocketChannel.open(target));
        } catch (Exception e) {
            throw e instanceof ConnectException ? new NetException("connection to " + to + " refused: "
                    + e.getMessage()) : new NetException("connect to " + to + " failed: " + e);
        }
        track(ch);
        return new SocketStream(ch, to);
    }

    /** Closes every socket of this host; their reader threads end. */
    @Override
    public synchronized void close() {
        for (java.nio.channels.Channel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        channels.clear();
    }

    private synchronized void track(java.nio.channels.Channel ch) {
        channels.add(ch);
    }

    /** Hands {@code r} to the loop from a reader thread; false once the loop no longer takes work. */
    private boolean handIn(Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
            return true;
        } catch (RuntimeException closed) {
            return false;
        }
    }

    private void reader(String what, Runnable body) {
        Thread.ofPlatform().daemon().name("simloop-net " + name + " " + what).start(body);
    }

    static byte[] encode(Object payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(payload);
        } catch (IOException e) {
            throw new NetException("cannot send " + payload + ": " + e + " (payloads on real sockets must be "
                    + "Serializable)");
        }
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes, int length) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes, 0, length))) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown class in a message: " + e.getMessage(), e);
        }
    }

    /** A datagram port on a {@link DatagramChannel}. */
    private final class SocketEndpoint implements Endpoint {
        private final Address address;
        private final DatagramChannel ch;
        private final Inbox<Datagram> inbox;

        SocketEndpoint(Address address, DatagramChannel ch) {
            this.address = address;
            this.ch = ch;
            this.inbox = new Inbox<>(loop, "receive " + address);
            reader("udp " + address, this::readLoop);
        }

        private void readLoop() {
            ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM);
            while (true) {
                try {
                    buf.clear();
                    InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
                    Datagram d = new Datagram(directory.reverse(from), address, decode(buf.array(), buf.position()));
                    if (!handIn(() -> inbox.offer(d))) {
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
                ch.send(ByteBuffer.wrap(encode(payload)), directory.resolve(to));
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

    /** A listening port on a {@link ServerSocketChannel}. */
    private final class SocketListener implements Listener {
        private final Address address;
        private final ServerSocketChannel ch;
        private final Inbox<Stream> pending;

        SocketListener(Address address, ServerSocketChannel ch) {
            this.address = address;
            this.ch = ch;
            this.pending = new Inbox<>(loop, "accept " + address);
            reader("accept " + address, this::acceptLoop);
        }

        private void acceptLoop() {
            while (true) {
                try {
                    SocketChannel c = ch.accept();
                    track(c);
                    if (!handIn(() -> pending.offer(new SocketStream(c, null)))) {
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

    /** A stream on a {@link SocketChannel}: each message is its length and its serialized bytes. */
    private final class SocketStream implements Stream {
        private final SocketChannel ch;
        private final Address local;
        private final Address remote;
        private final Inbox<Object> inbox;
        private boolean closedLocally;
        private boolean eof;
        private ConnectionResetException reset;

        SocketStream(SocketChannel ch, Address remote) {
            this.ch = ch;
            try {
                this.local = directory.reverse((InetSocketAddress) ch.getLocalAddress());
                this.remote = remote != null ? remote : directory.reverse((InetSocketAddress) ch.getRemoteAddress());
            } catch (IOException e) {
                throw new NetException("stream closed at once: " + e.getMessage());
            }
            this.inbox = new Inbox<>(loop, "read " + local + "<-" + this.remote);
            reader("tcp " + local + "<-" + this.remote, this::readLoop);
        }

        private void readLoop() {
            ByteBuffer header = ByteBuffer.allocate(4);
            while (true) {
                try {
                    header.clear();
                    if (!fill(header)) {
                        handIn(() -> inbox.offer(SimStream.EOF));
                        return;
                    }
                    int length = header.getInt(0);
                    ByteBuffer body = ByteBuffer.allocate(length);
                    if (!fill(body)) {
                        handIn(() -> inbox.offer(SimStream.EOF));
                        return;
                    }
                    Object message = decode(body.array(), length);
                    Object item = message == null ? SimStream.NULL : message;
                    if (!handIn(() -> inbox.offer(item))) {
                        return;
                    }
                } catch (IOException e) {
                    String why = e.getMessage();
                    handIn(() -> resetNow(why));
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
            byte[] bytes = encode(message);
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
}

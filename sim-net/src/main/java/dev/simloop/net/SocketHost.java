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
    static final int MAX_DATAGRAM = 65_507;

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

    EventLoop loop() {
        return loop;
    }

    SocketDirectory directory() {
        return directory;
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
            return new SocketEndpoint(this, address, ch);
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
            return new SocketListener(this, address, ch);
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
        return new SocketStream(this, ch, to);
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

    synchronized void track(java.nio.channels.Channel ch) {
        channels.add(ch);
    }

    /** Hands {@code r} to the loop from a reader thread; false once the loop no longer takes work. */
    boolean handIn(Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
            return true;
        } catch (RuntimeException closed) {
            return false;
        }
    }

    void reader(String what, Runnable body) {
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
}

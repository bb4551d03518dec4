package dev.simloop.net;

import dev.simloop.Coroutine;
import dev.simloop.Sim;
import dev.simloop.SimFuture;
import dev.simloop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A host in a {@link Network}: its tasks, ports, streams, disk and clock.
 *
 * <p>A node runs its start function when it is added and after each {@link Network#restart}. What the start
 * function builds (objects, tasks, endpoints) is the node's volatile state: a {@link Network#crash} cancels the
 * tasks, closes the ports and streams, and drops whatever the tasks held. Only the {@link #disk()} survives, as its
 * durability rules say.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Node implements Host {
    private static final int FIRST_EPHEMERAL_PORT = 49152;

    private final Network network;
    private final String name;
    /** Position in the network's node list: indexes the link matrix and the partitions' member sets. */
    final int index;
    private final Consumer<Node> start;
    private final Disk disk;
    private boolean up;
    /** How many times the node started: 1 after it was added, 2 after its first restart... */
    private int incarnation;
    /** Live tasks, in creation order; a task removes itself when done. */
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final Map<Integer, SimEndpoint> endpoints = new LinkedHashMap<>();
    private final Map<Integer, SimListener> listeners = new LinkedHashMap<>();
    /** Open stream ends, in creation order. */
    private final Set<SimStream> streams = new LinkedHashSet<>();
    private int nextEphemeralPort = FIRST_EPHEMERAL_PORT;
    private long clockOffset;
    private double clockDrift;

    Node(Network network, String name, int index, Consumer<Node> start) {
        this.network = network;
        this.name = name;
        this.index = index;
        this.start = start;
        this.disk = new Disk(this);
    }

    /** The node's name, unique in its network. */
    @Override
    public String name() {
        return name;
    }

    /** The network the node is in. */
    public Network network() {
        return network;
    }

    /** Whether the node is running (not crashed). */
    public boolean isUp() {
        return up;
    }

    /** How many times the node has started: 1 after it was added, one more after each restart. */
    public int incarnation() {
        return incarnation;
    }

    /** The node's disk, the same object across crashes and restarts. */
    public Disk disk() {
        return disk;
    }

    /**
     * The node's own clock, in nanoseconds: the loop's virtual time, scaled by the node's drift and shifted by its
     * offset ({@link #clockSkew}). Without skew, the loop's time. Code that reads time on a node should read this.
     */
    @Override
    public long now() {
        long t = network.now();
        return clockDrift == 0 ? t + clockOffset : t + clockOffset + (long) (t * clockDrift);
    }

    /**
     * Skews the node's clock: {@link #now()} becomes {@code offset + t * (1 + drift)} for loop time {@code t}.
     *
     * @param offset added to every reading, not null, may be negative
     * @param drift the rate error, e.g. 0.01 for a clock 1% fast, -0.01 for one 1% slow; above -1
     * @return this node
     */
    public Node clockSkew(Duration offset, double drift) {
        Objects.requireNonNull(offset, "offset");
        if (!(drift > -1) || Double.isInfinite(drift)) {
            throw new IllegalArgumentException("a clock's drift is above -1 (a stopped clock), was " + drift);
        }
        this.clockOffset = offset.toNanos();
        this.clockDrift = drift;
        return this;
    }

    /**
     * Starts a task on this node, named {@code node/name} in traces; a crash of the node cancels it. It is a
     * background task: it does not keep the loop's run going, and is not reported if still pending at the end.
     *
     * @param taskName the task's name on the node, not null
     * @param coroutine the body, not null, not started
     * @param <T> the result type
     * @return the task
     * @throws NetException if the node is down
     */
    @Override
    public <T> Task<T> spawn(String taskName, Coroutine<T> coroutine) {
        Objects.requireNonNull(taskName, "taskName");
        checkUp("start task " + taskName);
        Task<T> task = network.loop().createBackgroundTask(name + "/" + taskName, coroutine);
        tasks.add(task);
        task.addDoneCallback(tasks::remove);
        return task;
    }

    /**
     * Binds a datagram port.
     *
     * @param port 1 to 65535, not bound on this node
     * @return the endpoint
     * @throws IllegalStateException if the port is already bound
     */
    @Override
    public Endpoint bind(int port) {
        checkUp("bind port " + port);
        checkPort(port);
        if (endpoints.containsKey(port)) {
            throw new IllegalStateException("port " + port + " on node " + name + " is already bound; close its "
                    + "endpoint first");
        }
        SimEndpoint e = new SimEndpoint(this, port);
        endpoints.put(port, e);
        return e;
    }

    /**
     * Listens for stream connections on a port.
     *
     * @param port 1 to 65535, not listened on on this node
     * @return the listener
     * @throws IllegalStateException if the port is already listened on
     */
    @Override
    public Listener listen(int port) {
        checkUp("listen on port " + port);
        checkPort(port);
        if (listeners.containsKey(port)) {
            throw new IllegalStateException("port " + port + " on node " + name + " already has a listener; close "
                    + "it first");
        }
        SimListener l = new SimListener(this, port);
        listeners.put(port, l);
        return l;
    }

    /**
     * Opens a stream to {@code to}, suspending the current task for the handshake (a round trip). Call it from a
     * coroutine.
     *
     * @param to the listening address, not null; an unknown node is an error
     * @return this node's end of the stream
     * @throws NetException if nobody listens there (refused) or no answer came within the network's connect timeout
     *     (a partition, a node that is down)
     */
    @Override
    public Stream connect(Address to) {
        Objects.requireNonNull(to, "to");
        checkUp("connect to " + to);
        Node target = network.node(to.node());
        Address local = new Address(name, nextEphemeralPort++);
        if (nextEphemeralPort > 65535) {
            nextEphemeralPort = FIRST_EPHEMERAL_PORT;
        }
        SimFuture<Stream> done = network.loop().createFuture("connect " + local + "->" + to);
        int myIncarnation = incarnation;
        network.loop().callAt(network.now() + network.sampleLatency(this, target), () -> {
            if (done.isDone() || network.isCut(this, target) || !target.isUp()) {
                return; // the SYN is lost: the connect times out
            }
            SimListener l = target.listeners.get(to.port());
            boolean refused = l == null;
            SimStream accepted = refused ? null : new SimStream(target, to, local);
            network.loop().callAt(network.now() + network.sampleLatency(target, this), () -> {
                if (done.isDone() || !up || incarnation != myIncarnation || network.isCut(target, this)) {
                    return; // the answer is lost; the server's end was never handed to accept()
                }
                if (accepted == null) {
                    done.setException(new NetException("connection to " + to + " refused: nobody listens there"));
                    return;
                }
                if (!target.isUp() || target.incarnation() != accepted.incarnation
                        || target.listeners.get(to.port()) != l) {
                    done.setException(new ConnectionResetException("connection " + local + "<->" + to
                            + " reset: node " + to.node() + " crashed during the handshake"));
                    return;
                }
                SimStream client = new SimStream(this, local, to);
                client.peer = accepted;
                accepted.peer = client;
                streams.add(client);
                target.streams.add(accepted);
                l.pending.offer(accepted);
                done.setResult(client);
            });
        });
        Duration timeout = network.connectTimeout();
        network.loop().callLater(timeout, () -> {
            if (!done.isDone()) {
                done.setException(new NetException("connect " + local + "->" + to + " timed out after "
                        + Network.format(timeout) + " of virtual time"));
            }
        });
        return Sim.await(done);
    }

    void checkUp(String what) {
        if (!up) {
            throw new NetException("node " + name + " is down: cannot " + what);
        }
    }

    private void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port is 1 to 65535, was " + port + " (node " + name + ")");
        }
    }

    SimEndpoint endpoint(int port) {
        return endpoints.get(port);
    }

    void unbind(SimEndpoint e) {
        endpoints.remove(e.address().port(), e);
    }

    void unlisten(SimListener l) {
        listeners.remove(l.address().port(), l);
    }

    void forget(SimStream s) {
        streams.remove(s);
    }

    List<SimStream> openStreams() {
        return new ArrayList<>(streams);
    }

    void boot() {
        up = true;
        incarnation++;
        start.accept(this);
    }

    /** Cancels the tasks, closes the ports and streams, and crashes the disk; returns the unsynced writes lost. */
    int crash() {
        up = false;
        for (Task<?> t : new ArrayList<>(tasks)) {
            t.cancel("node " + name + " crashed");
        }
        tasks.clear();
        for (SimEndpoint e : endpoints.values()) {
            e.crashed();
        }
        endpoints.clear();
        for (SimListener l : listeners.values()) {
            l.crashed();
        }
        listeners.clear();
        for (SimStream s : new ArrayList<>(streams)) {
            s.crashed();
        }
        streams.clear();
        return disk.crash();
    }

    @Override
    public String toString() {
        return "Node[" + name + (up ? "" : ", down") + "]";
    }
}

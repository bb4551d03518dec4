package dev.simloop.net;

import dev.simloop.EventLoop;
import dev.simloop.Sim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A simulated network on one event loop: named {@link Node}s, the {@link Link}s between them, partitions, crashes and
 * restarts.
 *
 * <p>Every random choice (latency, loss, duplication, what an unsynced disk keeps) is drawn from the loop's seeded
 * {@link EventLoop#random()}, and every delivery is a timer of the loop, so the loop's policy orders deliveries due at
 * the same instant and a seed replays the whole run. Faults (partitions, heals, crashes, restarts, resets) are marks
 * in the loop's trace, prefixed {@code net: }.
 *
 * <pre>{@code
 * Network net = Network.create(currentLoop());
 * net.addNode("server", node -> {
 *     Endpoint e = node.bind(7);
 *     node.spawn("echo", Coroutine.ofVoid(() -> {
 *         while (true) { Datagram d = e.receive(); e.send(d.from(), d.payload()); }
 *     }));
 * });
 * }</pre>
 *
 * <p>Use it on the loop's thread. Nodes are kept in the order they were added, which is the order every "for each
 * node" in the network runs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Network {

    private final EventLoop loop;
    private final RandomGenerator random;
    private final Map<String, Node> byName = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    /** {@code links[a][b]}: the link from node a to node b by index, or null for the default link. */
    private Link[][] links = new Link[0][0];
    private Link defaultLink = Link.defaultLink();
    private final Partitions partitions = new Partitions(this);
    private Duration streamTimeout = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration retransmitInterval = Duration.ofMillis(200);
    private boolean traceMessages;
    private long delivered;
    private long dropped;
    private long duplicated;

    private Network(EventLoop loop) {
        this.loop = loop;
        this.random = loop.random();
    }

    /**
     * A network with no nodes on {@code loop}.
     *
     * @param loop the loop everything runs on, not null
     * @return the network
     */
    public static Network create(EventLoop loop) {
        return new Network(Objects.requireNonNull(loop, "loop"));
    }

    /** A network on the current task's loop ({@link Sim#currentLoop()}). */
    public static Network create() {
        return new Network(Sim.currentLoop());
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Sets the link every pair of nodes uses unless {@link #link} says otherwise (1 to 10 ms, reliable, by default).
     *
     * @param link not null
     * @return this network
     */
    public Network defaultLink(Link link) {
        this.defaultLink = Objects.requireNonNull(link, "link");
        return this;
    }

    /**
     * Sets the link between two nodes, both ways.
     *
     * @param a a node's name, not null
     * @param b another node's name, not null
     * @param link not null
     * @return this network
     */
    public Network link(String a, String b, Link link) {
        Objects.requireNonNull(link, "link");
        Node na = node(a);
        Node nb = node(b);
        links[na.index][nb.index] = link;
        links[nb.index][na.index] = link;
        return this;
    }

    /**
     * Sets how long a partition may cut a stream before both its ends are reset (5 s by default).
     *
     * @param timeout positive, not null
     * @return this network
     */
    public Network streamTimeout(Duration timeout) {
        this.streamTimeout = positive(timeout, "stream timeout");
        return this;
    }

    /**
     * Sets how long {@link Node#connect} waits for the handshake (1 s by default).
     *
     * @param timeout positive, not null
     * @return this network
     */
    public Network connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connect timeout");
        return this;
    }

    /**
     * Whether each datagram's send, delivery and drop is a mark in the trace ({@code net: send n1:1->n2:1}); off by
     * default, as it makes a string per message.
     *
     * @param on whether to mark messages
     * @return this network
     */
    public Network traceMessages(boolean on) {
        this.traceMessages = on;
        return this;
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a " + what + " is positive, was " + d);
        }
        return d;
    }

    // ---------------------------------------------------------------- nodes

    /**
     * Adds a node and starts it: {@code start} runs now, and again after each {@link #restart}. It binds ports and
     * spawns the node's tasks; it must not suspend.
     *
     * @param name the node's name, not null, not blank, unique in this network
     * @param start builds the node's volatile state, not null
     * @return the node
     */
    public Node addNode(String name, Consumer<Node> start) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        if (name.isBlank() || byName.containsKey(name)) {
            throw new IllegalArgumentException(name.isBlank() ? "a node needs a name that is not blank"
                    : "the network already has a node named '" + name + "'");
        }
        Node node = new Node(this, name, nodes.size(), start);
        nodes.add(node);
        byName.put(name, node);
        Link[][] grown = new Link[nodes.size()][nodes.size()];
        for (int i = 0; i < links.length; i++) {
            System.arraycopy(links[i], 0, grown[i], 0, links.length);
        }
        links = grown;
        node.boot();
        return node;
    }

    /**
     * The node called {@code name}.
     *
     * @param name not null
     * @return the node
     * @throws IllegalArgumentException if there is none
     */
    public Node node(String name) {
        Node n = byName.get(Objects.requireNonNull(name, "name"));
        if (n == null) {
            throw new IllegalArgumentException("no node named '" + name + "' in the network; its nodes are "
                    + byName.keySet());
        }
        return n;
    }

    /** The nodes, in the order they were added. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * Crashes a node: its tasks are cancelled, its ports and streams closed (peers get a reset message; a task of
     * another node or of the test still waiting on one of them gets a {@link NetException}), the datagrams it sent
     * that are still in flight are lost, and its disk keeps only what {@link Disk} says.
     *
     * @param name a node that is up, not null
     * @throws IllegalStateException if it is down already
     */
    public void crash(String name) {
        Node n = node(name);
        if (!n.isUp()) {
            throw new IllegalStateException("node " + name + " is down already: restart it before crashing it");
        }
        int lost = n.crash();
        mark("crash " + name + (lost == 0 ? "" : " (" + lost + " unsynced disk writes lost)"));
    }

    /**
     * Restarts a crashed node: its start function runs again, with the disk as the crash left it.
     *
     * @param name a node that is down, not null
     * @throws IllegalStateException if it is up
     */
    public void restart(String name) {
        Node n = node(name);
        if (n.isUp()) {
            throw new IllegalStateException("node " + name + " is up: crash it before restarting it");
        }
        mark("restart " + name);
        n.boot();
    }

    // ---------------------------------------------------------------- partitions

    /**
     * Cuts every link between {@code a} and {@code b}, both ways, until {@link #heal(String)}.
     *
     * @param name the partition's name, not null, not in effect already
     * @param a node names, not null, not empty
     * @param b node names, not null, not empty, none in {@code a}
     */
    public void partition(String name, Collection<String> a, Collection<String> b) {
        partitions.begin(name, a, b, true);
    }

    /**
     * Cuts the links from {@code from} to {@code to} only; messages the other way still pass.
     *
     * @param name the partition's name, not null, not in effect already
     * @param from node names, not null, not empty
     * @param to node names, not null, not empty, none in {@code from}
     */
    public void partitionOneWay(String name, Collection<String> from, Collection<String> to) {
        partitions.begin(name, from, to, false);
    }

    /**
     * Cuts one node off from all others, both ways.
     *
     * @param name the partition's name, not null
     * @param node the node's name, not null
     */
    public void isolate(String name, String node) {
        node(node);
        List<String> others = new ArrayList<>();
        for (Node n : nodes) {
            if (!n.name().equals(node)) {
                others.add(n.name());
            }
        }
        partitions.begin(name, List.of(node), others, true);
    }

    /**
     * Ends a partition.
     *
     * @param name a partition in effect, not null
     * @throws IllegalArgumentException if none by that name is in effect
     */
    public void heal(String name) {
        partitions.heal(name);
    }

    /**
     * Ends a partition after {@code delay} of virtual time, if it is still in effect then.
     *
     * @param name a partition in effect, not null
     * @param delay not null, not negative
     * @throws IllegalArgumentException if no partition by that name is in effect
     */
    public void healAfter(String name, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        partitions.healAfter(name, delay);
    }

    /**
     * Ends a partition after a random delay drawn uniformly from {@code min} to {@code max} with the loop's seeded
     * random source, if it is still in effect then.
     *
     * @param name a partition in effect, not null
     * @param min the shortest delay, not null, not negative
     * @param max the longest delay, not null, not below {@code min}
     * @throws IllegalArgumentException if no partition by that name is in effect
     */
    public void healAfterRandom(String name, Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("a random heal needs 0 <= min <= max, was min " + min + " and max "
                    + max);
        }
        long span = max.toNanos() - min.toNanos();
        partitions.healAfter(name, min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1)));
    }

    /** The names of the partitions in effect, in the order they began. */
    public List<String> partitionNames() {
        return partitions.names();
    }

    /** Resets both ends of every open stream that {@code cuts} says crosses a partition; {@code why} says which. */
    void resetStreams(BiPredicate<Integer, Integer> cuts, String why) {
        for (Node n : nodes) {
            for (SimStream s : n.openStreams()) {
                Node peer = node(s.remoteAddress().node());
                if (s.isOpen() && (cuts.test(n.index, peer.index) || cuts.test(peer.index, n.index))) {
                    s.reset(why);
                }
            }
        }
    }

    // ---------------------------------------------------------------- messages

    /** Whether a partition in effect drops messages from {@code a} to {@code b}. */
    boolean isCut(Node a, Node b) {
        return partitions.cuts(a.index, b.index);
    }

    Link linkOf(Node from, Node to) {
        Link l = links[from.index][to.index];
        return l != null ? l : defaultLink;
    }

    long sampleLatency(Node from, Node to) {
        Link l = linkOf(from, to);
        long min = l.minLatency().toNanos();
        long span = l.maxLatency().toNanos() - min;
        return span == 0 ? min : min + random.nextLong(span + 1);
    }

    // ---------------------------------------------------------------- figures

    /** How many datagrams and stream messages were delivered so far. */
    public long delivered() {
        return delivered;
    }

    /** How many datagrams were dropped so far: lost on the link, cut by a partition, or arriving at no one. */
    public long dropped() {
        return dropped;
    }

    /** How many datagrams were sent twice by a duplicating link so far. */
    public long duplicated() {
        return duplicated;
    }

    // ---------------------------------------------------------------- for the package

    EventLoop loop() {
        return loop;
    }

    RandomGenerator random() {
        return random;
    }

    long now() {
        return loop.time();
    }

    Duration streamTimeout() {
        return streamTimeout;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration retransmitInterval() {
        return retransmitInterval;
    }

    void countDelivered() {
        delivered++;
    }

    void countDropped() {
        dropped++;
    }

    void countDuplicated() {
        duplicated++;
    }

    boolean tracesMessages() {
        return traceMessages;
    }

    void mark(String what) {
        loop.mark("net: " + what);
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}

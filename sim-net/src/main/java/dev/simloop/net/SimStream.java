package dev.simloop.net;

import dev.simloop.TimerHandle;
import java.util.ArrayDeque;

/**
 * One end of a simulated stream: see {@link Stream}.
 *
 * <p>Writes never suspend; each message arrives after the link's latency and never before the one written before
 * it. While a partition cuts the link, the message at the head waits and is sent again every retransmission interval;
 * if the partition lasts longer than the network's stream timeout, both ends are reset. A crash of the peer's node
 * resets this end when the peer's reset message arrives (or, if that is cut off, when a message of ours reaches the
 * restarted node, or the partition's timeout passes).
 */
final class SimStream implements Stream {
    /** Stands for a null payload in the inbox, which holds no nulls. */
    static final Object NULL = new Object();
    /** The peer closed its end: reads return null from here on. */
    static final Object EOF = new Object();

    private enum Kind { DATA, FIN }

    /** A message in flight, in write order. */
    private record Segment(Kind kind, Object payload, long due) {}

    final Node node;
    private final Address local;
    private final Address remote;
    /** The node incarnation this end belongs to: a crash ends it. */
    final int incarnation;
    SimStream peer;
    private final Inbox<Object> inbox;
    /** Messages written and not yet delivered; only the head has a timer. */
    private final ArrayDeque<Segment> outbound = new ArrayDeque<>();
    private TimerHandle headTimer;
    /** The due time of the last message written: the next one is due no earlier, which keeps the order. */
    private long lastDue;
    private boolean closedLocally;
    private boolean eof;
    private ConnectionResetException reset;
    private boolean dead;

    SimStream(Node node, Address local, Address remote) {
        this.node = node;
        this.local = local;
        this.remote = remote;
        this.incarnation = node.incarnation();
        this.inbox = new Inbox<>(node.network().loop(), "read " + local + "<-" + remote);
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
        checkWritable();
        enqueue(Kind.DATA, message == null ? NULL : message);
    }

    @Override
    public Object read() {
        if (eof) {
            return null;
        }
        Object item = inbox.take();
        if (item == EOF) {
            eof = true;
            return null;
        }
        return item == NULL ? null : item;
    }

    @Override
    public void close() {
        if (!closedLocally && reset == null && !dead) {
            closedLocally = true;
            enqueue(Kind.FIN, null);
        }
    }

    @Override
    public boolean isReset() {
        return reset != null;
    }

    private void checkWritable() {
        if (reset != null) {
            throw reset;
        }
        if (dead) {
            throw new NetException("stream " + this + " is gone: node " + node.name() + " crashed");
        }
        if (closedLocally) {
            throw new NetException("stream " + this + " is closed for writing");
        }
    }

    private void enqueue(Kind kind, Object payload) {
        Network net = node.network();
        long due = Math.max(net.now() + net.sampleLatency(node, peerNode()), lastDue);
        lastDue = due;
        outbound.add(new Segment(kind, payload, due));
        if (headTimer == null) {
            scheduleHead();
        }
    }

    private Node peerNode() {
        return node.network().node(remote.node());
    }

    private void scheduleHead() {
        Segment head = outbound.peek();
        Network net = node.network();
        headTimer = head == null ? null
                : net.loop().callAt(Math.max(head.due(), net.now()), this::deliverHead);
    }

    /** The head's time has come: deliver it, or keep it for a retransmission while the link is cut. */
    private void deliverHead() {
        headTimer = null;
        if (dead || reset != null) {
            return;
        }
        Network net = node.network();
        Node to = peerNode();
        if (net.isCut(node, to)) {
            headTimer = net.loop().callLater(net.retransmitInterval(), this::deliverHead);
            return;
        }
        Segment head = outbound.poll();
        if (peer.dead || !to.isUp() || to.incarnation() != peer.incarnation) {
            // Our message reaches a node that no longer knows the connection: it answers with a reset.
            reset(remote + " answered with a reset: node " + remote.node() + " crashed since the connection opened");
            return;
        }
        switch (head.kind()) {
            case DATA -> peer.inbox.offer(head.payload());
            case FIN -> peer.inbox.offer(EOF);
        }
        net.countDelivered();
        scheduleHead();
    }

    /** Resets this end: pending and later reads and writes throw. */
    void reset(String why) {
        if (reset != null || dead) {
            return;
        }
        reset = new ConnectionResetException("connection " + local + "<->" + remote + " reset: " + why);
        if (headTimer != null) {
            headTimer.cancel();
            headTimer = null;
        }
        outbound.clear();
        node.network().mark("reset " + local + "<->" + remote + ": " + why);
        inbox.fail(reset);
        node.forget(this);
    }

    /** This end's node crashed: the end is gone, and a reset message goes to the peer (if the link lets it). */
    void crashed() {
        if (dead) {
            return;
        }
        boolean wasOpen = reset == null;
        dead = true;
        if (headTimer != null) {
            headTimer.cancel();
            headTimer = null;
        }
        outbound.clear();
        inbox.fail(new NetException("stream " + this + " is gone: node " + node.name() + " crashed"));
        if (wasOpen) {
            Network net = node.network();
            Node to = peerNode();
            SimStream p = peer;
            long at = net.now() + net.sampleLatency(node, to);
            net.loop().callAt(at, () -> {
                if (!net.isCut(node, to) && to.isUp() && to.incarnation() == p.incarnation) {
                    p.reset("node " + node.name() + " crashed");
                }
            });
        }
    }

    /** Whether this end still counts as open (for the partition timeout). */
    boolean isOpen() {
        return !dead && reset == null;
    }

    @Override
    public String toString() {
        return local + "->" + remote;
    }
}

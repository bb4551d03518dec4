package dev.simloop.net;

/**
 * A datagram in flight, run by its delivery timer: delivered to the endpoint bound at its address, unless its sender
 * crashed since sending it, a partition cuts the link at its arrival, or its receiver is down or has no such port.
 */
final class DatagramDelivery implements Runnable {
    private final Network network;
    private final Node sender;
    /** The sender's incarnation when it sent: a crash since then loses the datagram. */
    private final int senderIncarnation;
    private final Node target;
    private final Datagram datagram;

    private DatagramDelivery(Network network, Node sender, Node target, Datagram datagram) {
        this.network = network;
        this.sender = sender;
        this.senderIncarnation = sender.incarnation();
        this.target = target;
        this.datagram = datagram;
    }

    /** Sends a datagram: draws its loss, its latency and its duplication from the seed, and schedules delivery. */
    static void send(Network network, Node sender, Address from, Address to, Object payload) {
        sender.checkUp("send to " + to);
        Node target = network.node(to.node());
        Link l = network.linkOf(sender, target);
        Datagram d = new Datagram(from, to, payload);
        boolean marks = network.tracesMessages();
        if (marks) {
            network.mark("send " + from + "->" + to + ": " + payload);
        }
        if (l.loss() > 0 && network.random().nextDouble() < l.loss()) {
            network.countDropped();
            if (marks) {
                network.mark("lost " + from + "->" + to + ": " + payload);
            }
            return;
        }
        schedule(network, sender, target, d);
        if (l.duplication() > 0 && network.random().nextDouble() < l.duplication()) {
            network.countDuplicated();
            schedule(network, sender, target, d);
        }
    }

    private static void schedule(Network network, Node sender, Node target, Datagram d) {
        network.loop().callAt(network.now() + network.sampleLatency(sender, target),
                new DatagramDelivery(network, sender, target, d));
    }

    @Override
    public void run() {
        SimEndpoint e;
        boolean marks = network.tracesMessages();
        if (sender.incarnation() != senderIncarnation || !sender.isUp() || network.isCut(sender, target)
                || !target.isUp() || (e = target.endpoint(datagram.to().port())) == null) {
            network.countDropped();
            if (marks) {
                network.mark("dropped " + datagram.from() + "->" + datagram.to() + ": " + datagram.payload());
            }
            return;
        }
        network.countDelivered();
        if (marks) {
            network.mark("deliver " + datagram.from() + "->" + datagram.to() + ": " + datagram.payload());
        }
        e.inbox.offer(datagram);
    }
}

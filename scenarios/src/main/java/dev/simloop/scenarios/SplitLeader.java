package dev.simloop.scenarios;

import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.NetIo.ms;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.net.Address;
import dev.simloop.net.Datagram;
import dev.simloop.net.Endpoint;
import dev.simloop.net.Link;
import dev.simloop.net.Network;
import dev.simloop.net.Node;
import java.time.Duration;
import java.util.List;

/**
 * Leader election with leases, and a clock bug: two leaders.
 *
 * <p>Three nodes each vote and run for leader. A voter promises its vote for a lease of 100 ms by its own clock; a
 * candidate that a majority promised is leader until its lease ends, renews it halfway, and acts (a write checked by
 * a fencing oracle) every 10 ms while its lease lasts. The clocks drift by up to 5%, and a partition cuts the leader
 * off for a while. The buggy leader starts its lease when the last promise arrives; the voters started theirs when the
 * request arrived, one network latency earlier. So the voters' promises run out while the old leader still trusts its
 * lease, a new leader is elected, and the old one acts after it. The fix starts the lease when the request was sent
 * and shortens it by the clocks' worst drift.
 */
final class SplitLeader {
    private SplitLeader() {}

    static Scenario scenario() {
        return new Scenario("split-leader", "a leader times its lease from the promise's arrival, not the request's "
                + "departure", () -> run(false), () -> run(true), 2000);
    }

    static final List<String> NODES = List.of("n1", "n2", "n3");
    static final long LEASE = ms(100).toNanos();
    static final double MAX_DRIFT = 0.05;
    static final int VOTER = 1;
    static final int CANDIDATE = 2;

    record Request(String candidate, long term, int round) {}

    record Promise(String voter, long term, int round, boolean granted, long maxTerm) {}

    /**
     * The oracle: leaders' acts, checked like a fencing token; terms must never go back. It keeps the first violation
     * for the main task to report (a node's task that threw would only be an unretrieved exception).
     */
    static final class Fencing {
        private long lastTerm;
        private String lastLeader;
        private long lastAt;
        String violation;

        void act(String node, long term) {
            long now = currentLoop().time();
            if (term < lastTerm && violation == null) {
                violation = "two leaders: " + node + " acted with lease term " + term + " at " + now / 1_000_000
                        + " ms after " + lastLeader + " acted with term " + lastTerm + " at " + lastAt / 1_000_000
                        + " ms";
            }
            lastTerm = term;
            lastLeader = node;
            lastAt = now;
        }
    }

    /** A voter's promise: to whom, and until when by the voter's clock. */
    static final class Voter {
        String promisedTo;
        long promisedUntil;
        long maxTerm;

        boolean grant(Node node, String candidate, long term) {
            long now = node.now();
            boolean free = promisedTo == null || now >= promisedUntil || promisedTo.equals(candidate);
            if (term >= maxTerm && free) {
                maxTerm = term;
                promisedTo = candidate;
                promisedUntil = now + LEASE;
                return true;
            }
            return false;
        }
    }

    static void start(Node node, boolean fixed, Fencing fencing) {
        Voter voter = new Voter();
        int me = NODES.indexOf(node.name());
        Endpoint votes = node.bind(VOTER);
        node.spawn("voter", Coroutine.ofVoid(() -> {
            while (true) {
                Datagram d = votes.receive();
                Request r = (Request) d.payload();
                votes.send(d.from(), new Promise(node.name(), r.term(), r.round(),
                        voter.grant(node, r.candidate(), r.term()), voter.maxTerm));
            }
        }));
        Endpoint e = node.bind(CANDIDATE);
        node.spawn("candidate", Coroutine.ofVoid(() -> {
            EventLoop loop = currentLoop();
            long term = 0;
            long leaseEnd = Long.MIN_VALUE;
            long maxSeen = 0;
            int round = 0;
            sleep(ms(loop.random().nextInt(100)));
            while (true) {
                boolean leader = node.now() < leaseEnd;
                if (leader) {
                    fencing.act(node.name(), term);
                }
                if (!leader || node.now() >= leaseEnd - LEASE / 2) {
                    long t = leader ? term : (Math.max(maxSeen, voter.maxTerm) / NODES.size() + 1) * NODES.size()
                            + me;
                    int r = ++round;
                    long sentAt = node.now();
                    int granted = voter.grant(node, node.name(), t) ? 1 : 0;
                    for (String other : NODES) {
                        if (!other.equals(node.name())) {
                            e.send(new Address(other, VOTER), new Request(node.name(), t, r));
                        }
                    }
                    long deadline = loop.time() + ms(60).toNanos();
                    Datagram d;
                    while (granted < 2 && loop.time() < deadline
                            && (d = NetIo.receive(e, Duration.ofNanos(deadline - loop.time()))) != null) {
                        Promise p = (Promise) d.payload();
                        maxSeen = Math.max(maxSeen, p.maxTerm());
                        if (p.round() == r && p.granted()) {
                            granted++;
                        }
                    }
                    if (granted >= 2) {
                        term = t;
                        leaseEnd = fixed ? sentAt + (long) (LEASE * (1 - 3 * MAX_DRIFT)) : node.now() + LEASE;
                        if (!leader && node.now() < leaseEnd) {
                            fencing.act(node.name(), term); // a new leader acts at once
                        }
                    } else if (!leader) {
                        leaseEnd = Long.MIN_VALUE;
                        if (node.name().equals(voter.promisedTo)) {
                            voter.promisedTo = null; // lost: free our own vote, and back off a while
                        }
                        sleep(ms(10 + loop.random().nextInt(60)));
                    }
                }
                sleep(ms(5 + loop.random().nextInt(10)));
            }
        }));
    }

    static Coroutine<Void> run(boolean fixed) {
        return Coroutine.ofVoid("main", () -> {
            EventLoop loop = currentLoop();
            Network net = Network.create(loop).defaultLink(Link.latency(ms(1), ms(25)).withLoss(0.02));
            Fencing fencing = new Fencing();
            for (String n : NODES) {
                Node node = net.addNode(n, x -> start(x, fixed, fencing));
                double drift = (loop.random().nextDouble() * 2 - 1) * MAX_DRIFT;
                node.clockSkew(ms(loop.random().nextInt(1000)), drift);
            }
            // The nemesis: four times, cut the node that acted last off for a while.
            for (int i = 0; i < 4; i++) {
                sleep(ms(150 + loop.random().nextInt(150)));
                String victim = fencing.lastLeader != null ? fencing.lastLeader : NODES.get(0);
                net.isolate("cut-" + i, victim);
                sleep(ms(100 + loop.random().nextInt(200)));
                net.heal("cut-" + i);
            }
            sleep(ms(200));
            NetIo.check(fencing.violation == null, fencing.violation);
        });
    }
}

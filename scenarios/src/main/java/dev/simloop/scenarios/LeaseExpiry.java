package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * Leader lease expiry driven by the clock: the coordinator treats a lease as expired at its expiry instant, the leader
 * still trusts it at that instant, so for one instant there are two leaders and the old one writes after the new one.
 *
 * <p>Two nodes act every 50 ms and a lease lasts 100 ms. At 100 ms the lease runs out; FIFO lets the old leader act
 * first, which goes unnoticed. One departure lets the other node take the lease first; the storage then sees a write
 * with an older fencing token after a newer one.
 */
final class LeaseExpiry {
    private LeaseExpiry() {}

    static Scenario scenario() {
        return new Scenario("lease-expiry", "a leader still trusts its lease at the instant the coordinator hands it "
                + "on", () -> run(false), () -> run(true), 1000);
    }

    /** A lease: its holder, fencing token and expiry (virtual nanoseconds). */
    record Lease(String holder, long token, long expiresAt) {}

    /**
     * The coordinator: grants a lease (with a new fencing token) when nobody holds one or the holder's has expired
     * ({@code now >= expiry}), and renews the holder's own.
     */
    static final class Coordinator {
        static final long TTL = 100_000_000L;
        private Lease current;
        private long tokens;

        Lease tryAcquire(String node) {
            long now = currentLoop().time();
            if (current == null || now >= current.expiresAt() || current.holder().equals(node)) {
                long token = current != null && current.holder().equals(node) && now < current.expiresAt()
                        ? current.token() : ++tokens;
                current = new Lease(node, token, now + TTL);
                return current;
            }
            return null;
        }
    }

    /** The storage the leader writes to; it checks the fencing tokens (the oracle). */
    static final class Storage {
        private long lastToken;
        private String lastWriter;

        void write(String node, long token) {
            Io.check(token >= lastToken, "two leaders: " + node + " wrote with lease token " + token + " after "
                    + lastWriter + " wrote with token " + lastToken);
            lastToken = token;
            lastWriter = node;
        }
    }

    /** The buggy node: every 50 ms it renews its lease if it has lapsed, and writes while it trusts the lease. */
    static class Node {
        final String name;
        private final Coordinator coordinator;
        private final Storage storage;

        Node(String name, Coordinator coordinator, Storage storage) {
            this.name = name;
            this.coordinator = coordinator;
            this.storage = storage;
        }

        /** Whether the lease is still valid now: up to and including its expiry instant. */
        boolean valid(Lease lease) {
            return lease != null && currentLoop().time() <= lease.expiresAt();
        }

        Coroutine<Void> run() {
            return Coroutine.ofVoid(name, () -> {
                Lease lease = null;
                for (int round = 0; round < 4; round++) {
                    if (!valid(lease)) {
                        lease = coordinator.tryAcquire(name);
                    }
                    if (valid(lease)) {
                        storage.write(name, lease.token());
                    }
                    sleep(ms(50)); // the next round of work
                }
            });
        }
    }

    /** The fix: a lease is valid strictly before its expiry instant, as the coordinator sees it. */
    static final class FixedNode extends Node {
        FixedNode(String name, Coordinator coordinator, Storage storage) {
            super(name, coordinator, storage);
        }

        @Override
        boolean valid(Lease lease) {
            return lease != null && currentLoop().time() < lease.expiresAt();
        }
    }

    static Coroutine<Void> run(boolean fixed) {
        return Coroutine.ofVoid("main", () -> {
            Coordinator coordinator = new Coordinator();
            Storage storage = new Storage();
            Task<Void> a = createTask((fixed ? new FixedNode("node-1", coordinator, storage)
                    : new Node("node-1", coordinator, storage)).run());
            Task<Void> b = createTask((fixed ? new FixedNode("node-2", coordinator, storage)
                    : new Node("node-2", coordinator, storage)).run());
            await(a);
            await(b);
        });
    }
}

package dev.simloop.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The partitions in effect in a {@link Network}, in the order they began, and the check every message makes. */
final class Partitions {

    /** A partition in effect: messages from a member of {@code from} to a member of {@code to} are dropped. */
    private record Partition(String name, BitSet from, BitSet to, boolean bothWays) {
        boolean cuts(int a, int b) {
            return (from.get(a) && to.get(b)) || (bothWays && from.get(b) && to.get(a));
        }
    }

    private final Network network;
    /** In the order they began; a list, as there are few and every message scans them. */
    private final List<Partition> inEffect = new ArrayList<>();

    Partitions(Network network) {
        this.network = network;
    }

    /** Whether a partition in effect drops messages from node index {@code a} to node index {@code b}. */
    boolean cuts(int a, int b) {
        for (int i = 0, n = inEffect.size(); i < n; i++) {
            if (inEffect.get(i).cuts(a, b)) {
                return true;
            }
        }
        return false;
    }

    List<String> names() {
        return inEffect.stream().map(Partition::name).toList();
    }

    void begin(String name, Collection<String> a, Collection<String> b, boolean bothWays) {
        Objects.requireNonNull(name, "name");
        if (find(name) != null) {
            throw new IllegalArgumentException("a partition named '" + name + "' is in effect already");
        }
        BitSet from = members(a, "first");
        BitSet to = members(b, "second");
        if (from.intersects(to)) {
            throw new IllegalArgumentException("partition '" + name + "': a node cannot be on both sides, " + a
                    + " and " + b);
        }
        Partition p = new Partition(name, from, to, bothWays);
        inEffect.add(p);
        network.mark("partition " + name + " " + a + (bothWays ? " | " : " -> ") + b);
        Duration timeout = network.streamTimeout();
        network.loop().callLater(timeout, () -> {
            if (inEffect.contains(p)) {
                network.resetStreams(p::cuts, "partition " + name + " outlasted the stream timeout of "
                        + Network.format(timeout));
            }
        });
    }

    void heal(String name) {
        inEffect.remove(existing(name));
        network.mark("heal " + name);
    }

    void healAfter(String name, Duration delay) {
        Partition p = existing(name);
        network.loop().callLater(delay, () -> {
            if (inEffect.remove(p)) {
                network.mark("heal " + name);
            }
        });
    }

    private Partition existing(String name) {
        Objects.requireNonNull(name, "name");
        Partition p = find(name);
        if (p == null) {
            throw new IllegalArgumentException("no partition named '" + name + "' is in effect; in effect: "
                    + names());
        }
        return p;
    }

    private BitSet members(Collection<String> names, String which) {
        Objects.requireNonNull(names, which + " side");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a partition's " + which + " side names at least one node");
        }
        BitSet set = new BitSet();
        for (String n : names) {
            set.set(network.node(n).index);
        }
        return set;
    }

    private Partition find(String name) {
        for (Partition p : inEffect) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}

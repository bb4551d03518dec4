package dev.simloop.net;

import dev.simloop.Sim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A node's disk: a key-value store that survives crashes, with the page cache's catch. {@link #put} and
 * {@link #remove} are seen at once by reads on the node, but only {@link #sync()} makes them durable. When the node
 * crashes, the writes since the last sync reach the disk in order up to a point drawn from the seed (none, some or all
 * of them), and the rest are lost: what a restarted node reads is the durable state plus that prefix.
 *
 * <p>Keys are kept in insertion order, so iterating {@link #keys()} is deterministic.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Disk {
    /** A write not yet synced: a value, or a removal when {@code value} is null. */
    private record Write(String key, Object value) {}

    private final Node node;
    private final Map<String, Object> durable = new LinkedHashMap<>();
    /** What reads see: the durable state with the unsynced writes applied. */
    private final Map<String, Object> current = new LinkedHashMap<>();
    private final List<Write> unsynced = new ArrayList<>();
    private Duration syncLatency = Duration.ofMillis(1);

    Disk(Node node) {
        this.node = node;
    }

    /**
     * The value under {@code key} as this node sees it (synced or not), or null.
     *
     * @param key not null
     * @return the value, or null
     */
    public Object get(String key) {
        return current.get(Objects.requireNonNull(key, "key"));
    }

    /**
     * Writes {@code value} under {@code key}; durable after the next {@link #sync()}.
     *
     * @param key not null
     * @param value not null (use {@link #remove} to delete)
     */
    public void put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value (use remove to delete a key)");
        node.checkUp("write to its disk");
        current.put(key, value);
        unsynced.add(new Write(key, value));
    }

    /**
     * Removes {@code key}; durable after the next {@link #sync()}.
     *
     * @param key not null
     */
    public void remove(String key) {
        Objects.requireNonNull(key, "key");
        node.checkUp("write to its disk");
        current.remove(key);
        unsynced.add(new Write(key, null));
    }

    /** The keys as this node sees them, in the order they were first written. */
    public List<String> keys() {
        return List.copyOf(current.keySet());
    }

    /**
     * Makes every write so far durable, after the disk's sync latency (1 ms unless set) of virtual time, during which
     * the current task is suspended; a crash meanwhile counts as before the sync. Call it from a coroutine.
     */
    public void sync() {
        int upTo = unsynced.size();
        if (!syncLatency.isZero()) {
            Sim.sleep(syncLatency);
        }
        apply(Math.min(upTo, unsynced.size()));
    }

    /**
     * Sets how long {@link #sync()} takes.
     *
     * @param latency not null, not negative
     * @return this disk
     */
    public Disk syncLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("a sync latency is not negative, was " + latency);
        }
        this.syncLatency = latency;
        return this;
    }

    /** How many writes are not yet durable. */
    public int unsyncedWrites() {
        return unsynced.size();
    }

    private void apply(int count) {
        for (int i = 0; i < count; i++) {
            Write w = unsynced.get(i);
            if (w.value() == null) {
                durable.remove(w.key());
            } else {
                durable.put(w.key(), w.value());
            }
        }
        unsynced.subList(0, count).clear();
    }

    /** The node crashed: a seeded prefix of the unsynced writes reaches the disk, the rest is lost. */
    int crash() {
        int kept = unsynced.isEmpty() ? 0 : node.network().random().nextInt(unsynced.size() + 1);
        int lost = unsynced.size() - kept;
        apply(kept);
        unsynced.clear();
        current.clear();
        current.putAll(durable);
        return lost;
    }
}

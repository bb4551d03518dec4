package example.plain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A read-through cache whose entries expire {@code ttl} after they were loaded: concurrent gets of a missing key
 * share one load, {@link #invalidate} drops an entry (and any load in flight for it), and a sweep on the scheduler
 * evicts expired entries once per {@code ttl}.
 *
 * <p>Plain Java: a {@link Clock} tells the time, a {@link ScheduledExecutorService} runs the sweep.
 */
public class ExpiringCache<K, V> implements AutoCloseable {

    private record Entry<V>(V value, Instant expires) {}

    private final Clock clock;
    private final Duration ttl;
    private final Function<K, CompletableFuture<V>> loader;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final ScheduledFuture<?> sweep;

    public ExpiringCache(Clock clock, ScheduledExecutorService scheduler, Duration ttl,
            Function<K, CompletableFuture<V>> loader) {
        this.clock = clock;
        this.ttl = ttl;
        this.loader = loader;
        long period = ttl.toMillis();
        this.sweep = scheduler.scheduleAtFixedRate(this::evictExpired, period, period, TimeUnit.MILLISECONDS);
    }

    /** The cached value, or a load of it shared by every caller until it completes. */
    public CompletableFuture<V> get(K key) {
        Entry<V> e = entries.get(key);
        if (e != null && clock.instant().isBefore(e.expires())) {
            hits.incrementAndGet();
            return CompletableFuture.completedFuture(e.value());
        }
        CompletableFuture<V> load = new CompletableFuture<>();
        CompletableFuture<V> shared = loading.putIfAbsent(key, load);
        if (shared != null) {
            return shared;
        }
        loads.incrementAndGet();
        loader.apply(key).whenComplete((value, error) -> {
            if (error == null && stillWanted(key, load)) {
                entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
            }
            loading.remove(key, load);
            if (error == null) {
                load.complete(value);
            } else {
                load.completeExceptionally(error);
            }
        });
        return load;
    }

    /** Whether the result of {@code load} may be cached: no {@link #invalidate} came while it was in flight. */
    protected boolean stillWanted(K key, CompletableFuture<V> load) {
        return loading.get(key) == load;
    }

    /** Drops the entry, and makes a load in flight for it deliver its value without caching it. */
    public void invalidate(K key) {
        entries.remove(key);
        loading.remove(key);
    }

    private void evictExpired() {
        Instant now = clock.instant();
        entries.entrySet().removeIf(e -> {
            boolean expired = !now.isBefore(e.getValue().expires());
            if (expired) {
                evictions.incrementAndGet();
            }
            return expired;
        });
    }

    public long hits() {
        return hits.get();
    }

    public long loads() {
        return loads.get();
    }

    public long evictions() {
        return evictions.get();
    }

    public int size() {
        return entries.size();
    }

    @Override
    public void close() {
        sweep.cancel(false);
    }
}

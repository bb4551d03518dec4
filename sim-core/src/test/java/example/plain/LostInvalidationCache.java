package example.plain;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The buggy variant (planted): it caches every load's result, even when {@link #invalidate} came while the load was
 * in flight, so a value read before an update is served as fresh until it expires (a lost invalidation).
 */
public class LostInvalidationCache<K, V> extends ExpiringCache<K, V> {

    public LostInvalidationCache(Clock clock, ScheduledExecutorService scheduler, Duration ttl,
            Function<K, CompletableFuture<V>> loader) {
        super(clock, scheduler, ttl, loader);
    }

    @Override
    protected boolean stillWanted(K key, CompletableFuture<V> load) {
        return true;
    }
}

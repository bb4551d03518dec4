package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import example.plain.ExpiringCache;
import example.plain.LostInvalidationCache;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The planted ordering bug: an invalidation that arrives while a load is in flight. The buggy cache then caches the
 * value the load read before the update, and serves it as fresh until it expires.
 *
 * <p>Under FIFO a specific timing shows it deterministically (the update lands inside the load's latency). The same
 * race at one virtual instant (load reply and invalidation due together) is benign under FIFO's order and needs a
 * seeded sweep to be found: that test waits for seeded policies (issue 4) and is left for the merge.
 */
class CacheRaceTest {

    private final EventLoop loop = EventLoop.create();
    private final Clock clock = loop.clock();
    private final SimScheduledExecutor scheduler = loop.scheduledExecutor();
    private final PlainJavaBackend backend = new PlainJavaBackend(scheduler, clock, Duration.ofMillis(100));

    @AfterEach
    void close() {
        loop.close();
    }

    /** Reads at 0 ms, updates the store and invalidates at {@code updateAtMillis}, reads again at 200 ms. */
    private String readAfterUpdateAt(ExpiringCache<String, String> cache, long updateAtMillis) {
        backend.put("k", "old");
        CompletableFuture<String> first = cache.get("k");
        scheduler.schedule(() -> {
            backend.put("k", "new");
            cache.invalidate("k");
        }, updateAtMillis, TimeUnit.MILLISECONDS);
        loop.advanceBy(Duration.ofMillis(200));
        CompletableFuture<String> second = cache.get("k");
        loop.advanceBy(Duration.ofMillis(200));
        cache.close();
        return first.join() + " then " + second.join();
    }

    private ExpiringCache<String, String> fixed() {
        return new ExpiringCache<>(clock, scheduler, Duration.ofMinutes(5), backend::read);
    }

    private ExpiringCache<String, String> buggy() {
        return new LostInvalidationCache<>(clock, scheduler, Duration.ofMinutes(5), backend::read);
    }

    @Test
    void theBuggyCacheKeepsAValueReadBeforeAnInvalidationThatCameDuringTheLoad() {
        assertThat(readAfterUpdateAt(buggy(), 50)).isEqualTo("old then old");
    }

    @Test
    void theFixedCacheDropsTheLoadThatAnInvalidationOvertook() {
        assertThat(readAfterUpdateAt(fixed(), 50)).isEqualTo("old then new");
    }

    @Test
    void anUpdateAfterTheLoadIsSeenByBoth() {
        assertThat(readAfterUpdateAt(buggy(), 150)).isEqualTo("old then new");
        assertThat(readAfterUpdateAt(fixed(), 150)).isEqualTo("old then new");
    }

    @Test
    void atTheSameInstantFifoRunsTheLoadReplyFirstSoTheBugHides() {
        // Both due at 100 ms; the reply's timer was created first. A seeded policy may run the invalidation first,
        // which is the 50 ms case above: the sweep for issue 4 should find it in the buggy cache only.
        assertThat(readAfterUpdateAt(buggy(), 100)).isEqualTo("old then new");
    }
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.util.HashMap;
import java.util.Map;

/**
 * Stale read during a cache refresh: a refresh reads the old value from the database, an update writes the new value
 * and invalidates the cache entry, and then the refresh stores the old value it read; the cache serves it from then on.
 *
 * <p>Each database call takes 1 ms there and 1 ms back. The refresh's read reaches the database before the update's
 * write (FIFO), and in FIFO order its reply is also stored before the update invalidates. One departure at the
 * replies puts the invalidation first.
 */
final class StaleRead {
    private StaleRead() {}

    static Scenario scenario() {
        return new Scenario("stale-read", "a refresh stores a value read before an update that invalidated the entry",
                () -> run(new Cache()), () -> run(new FixedCache()), 1000);
    }

    /** The database: a call travels 1 ms there, acts, and 1 ms back. */
    static final class Database {
        final Map<String, String> rows = new HashMap<>(Map.of("price", "10 EUR"));

        Coroutine<String> read(String key) {
            return Coroutine.of("read " + key, () -> {
                sleep(ms(1));
                String value = rows.get(key);
                sleep(ms(1));
                return value;
            });
        }

        Coroutine<Void> write(String key, String value) {
            return Coroutine.ofVoid("write " + key, () -> {
                sleep(ms(1));
                rows.put(key, value);
                sleep(ms(1));
            });
        }
    }

    /** The buggy read-through cache: a refresh stores whatever it read. */
    static class Cache {
        final Database db = new Database();
        final Map<String, String> entries = new HashMap<>(Map.of("price", "10 EUR"));

        Coroutine<Void> refresh(String key) {
            return Coroutine.ofVoid("refresh " + key, () -> entries.put(key, await(db.read(key))));
        }

        Coroutine<Void> update(String key, String value) {
            return Coroutine.ofVoid("update " + key, () -> {
                await(db.write(key, value));
                invalidate(key);
            });
        }

        void invalidate(String key) {
            entries.remove(key);
        }

        Coroutine<String> get(String key) {
            return Coroutine.of("get " + key, () -> {
                String value = entries.get(key);
                return value != null ? value : await(db.read(key));
            });
        }
    }

    /** The fix: an invalidation bumps the key's generation, and a refresh stores only if none came since it read. */
    static final class FixedCache extends Cache {
        private final Map<String, Integer> generations = new HashMap<>();

        @Override
        Coroutine<Void> refresh(String key) {
            return Coroutine.ofVoid("refresh " + key, () -> {
                int generation = generations.getOrDefault(key, 0);
                String value = await(db.read(key));
                if (generations.getOrDefault(key, 0) == generation) {
                    entries.put(key, value);
                }
            });
        }

        @Override
        void invalidate(String key) {
            generations.merge(key, 1, Integer::sum);
            super.invalidate(key);
        }
    }

    static Coroutine<Void> run(Cache cache) {
        return Coroutine.ofVoid("main", () -> {
            Task<Void> refresh = createTask(cache.refresh("price"));
            Task<Void> update = createTask(cache.update("price", "12 EUR"));
            await(refresh);
            await(update);
            String served = await(cache.get("price"));
            String stored = cache.db.rows.get("price");
            Io.check(served.equals(stored), "stale read: the cache serves " + served + " after the database got "
                    + stored);
        });
    }
}

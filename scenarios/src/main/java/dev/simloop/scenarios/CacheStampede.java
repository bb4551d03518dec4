package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Check-then-act cache stampede: {@code get} checks for the key, and on a miss loads it from the backend and stores it;
 * a request that checks while the load is under way loads the same key again.
 *
 * <p>Requests arrive 20 ms apart and authenticate for 20 ms; a load takes 20 ms, so the second request checks the
 * cache at the very instant the first load completes. FIFO completes the load first; one departure lets the second
 * request miss, and the backend loads the key twice.
 */
final class CacheStampede {
    private CacheStampede() {}

    static Scenario scenario() {
        return new Scenario("cache-stampede", "a cache miss during a load starts a second load of the same key",
                () -> run(new Cache()), () -> run(new FixedCache()), 1000);
    }

    /** The backend behind the cache; counts its loads per key. */
    static final class Backend {
        final Map<String, Integer> loads = new HashMap<>();

        Coroutine<String> load(String key) {
            return Coroutine.of("load " + key, () -> {
                loads.merge(key, 1, Integer::sum);
                sleep(ms(20));
                return "value of " + key;
            });
        }
    }

    /** The buggy cache: check, then load, then store. */
    static class Cache {
        final Backend backend = new Backend();
        private final Map<String, String> entries = new HashMap<>();

        Coroutine<String> get(String key) {
            return Coroutine.of("get " + key, () -> {
                String value = entries.get(key);
                if (value == null) {
                    value = await(backend.load(key));
                    entries.put(key, value);
                }
                return value;
            });
        }
    }

    /** The fix: remember the load in flight, and let every request for the key await the same one. */
    static final class FixedCache extends Cache {
        private final Map<String, Task<String>> loading = new HashMap<>();

        @Override
        Coroutine<String> get(String key) {
            return Coroutine.of("get " + key, () -> await(loading.computeIfAbsent(key,
                    k -> createTask("load " + k, backend.load(k)))));
        }
    }

    static Coroutine<Void> run(Cache cache) {
        return Coroutine.ofVoid("main", () -> {
            List<Task<String>> requests = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                requests.add(createTask("request-" + i, Coroutine.of(() -> {
                    sleep(ms(20)); // authenticate the caller
                    return await(cache.get("user:42"));
                })));
                sleep(ms(20)); // the next request arrives
            }
            await(gather(requests));
            int loads = cache.backend.loads.get("user:42");
            Io.check(loads == 1, "cache stampede: the backend loaded user:42 " + loads + " times, expected once");
        });
    }
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.buggify;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.waitFor;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.SimTimeoutException;
import dev.simloop.Task;
import dev.simloop.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A cancelled task leaks a permit: a connection pool takes a permit, connects, and only then enters the
 * {@code try/finally} that gives it back; a request cancelled by its timeout while connecting keeps the permit forever.
 *
 * <p>Connecting takes 5 ms, or 200 ms when the {@code slow-connect} fault point fires ({@code buggify}, never under
 * FIFO); requests time out after 50 ms. Once both permits have leaked, the pool serves no one.
 */
final class CancelLeak {
    private CancelLeak() {}

    static Scenario scenario() {
        return new Scenario("cancel-leak", "a request cancelled while connecting never gives its pool permit back",
                () -> run(new Pool()), () -> run(new FixedPool()), 1000);
    }

    /** The buggy pool of two connections. */
    static class Pool {
        final Semaphore permits = new Semaphore(2);

        Coroutine<String> query(String sql) {
            return Coroutine.of("query", () -> {
                permits.acquire();
                connect();
                try {
                    sleep(ms(10)); // run the query
                    return "rows of " + sql;
                } finally {
                    permits.release();
                }
            });
        }

        static void connect() {
            sleep(ms(buggify("slow-connect") ? 200 : 5));
        }
    }

    /** The fix: the permit is given back in {@code finally} whatever happens after it is taken. */
    static final class FixedPool extends Pool {
        @Override
        Coroutine<String> query(String sql) {
            return Coroutine.of("query", () -> {
                permits.acquire();
                try {
                    connect();
                    sleep(ms(10)); // run the query
                    return "rows of " + sql;
                } finally {
                    permits.release();
                }
            });
        }
    }

    static Coroutine<Void> run(Pool pool) {
        return Coroutine.ofVoid("main", () -> {
            List<Task<String>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String sql = "select " + i;
                requests.add(createTask(Coroutine.of("request-" + i, () -> {
                    try {
                        return waitFor(pool.query(sql), Duration.ofMillis(50));
                    } catch (SimTimeoutException e) {
                        return "timed out";
                    }
                })));
            }
            await(gather(requests));
            for (int i = 0; i < 2; i++) {
                try {
                    waitFor(Coroutine.ofVoid(pool.permits::acquire), Duration.ofSeconds(1));
                } catch (SimTimeoutException e) {
                    throw new AssertionError("the pool leaked " + (2 - i) + " of its 2 permits", e);
                }
            }
        });
    }
}

package dev.simloop.scenarios;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.currentLoop;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.sleep;
import static dev.simloop.scenarios.Io.ms;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A token-bucket rate limiter wrong at a refill boundary: a caller that found the bucket empty sleeps until the next
 * refill and then takes a token without looking again, though callers arriving at that instant may have taken them.
 *
 * <p>Five tokens per 100 ms. Seven calls come at 0 ms (two wait for the refill) and four more arrive at 100 ms, the
 * refill instant. FIFO wakes the waiting two first; a few departures let the newcomers drain the bucket, and the
 * backend gets six calls in one window.
 */
final class RateLimiter {
    private RateLimiter() {}

    static final long INTERVAL = 100_000_000L;
    static final int RATE = 5;

    static Scenario scenario() {
        return new Scenario("rate-limiter", "callers woken at a refill take tokens that newcomers already took",
                () -> run(new Limiter()), () -> run(new FixedLimiter()), 1000);
    }

    /** The buggy limiter: {@code if} the bucket is empty, wait for the refill once. */
    static class Limiter {
        int tokens = RATE;
        long nextRefill = INTERVAL;

        final void refill() {
            long now = currentLoop().time();
            if (now >= nextRefill) {
                tokens = RATE;
                nextRefill = (now / INTERVAL + 1) * INTERVAL;
            }
        }

        final void waitForRefill() {
            sleep(Duration.ofNanos(nextRefill - currentLoop().time()));
            refill();
        }

        Coroutine<Void> acquire() {
            return Coroutine.ofVoid("acquire", () -> {
                refill();
                if (tokens == 0) {
                    waitForRefill();
                }
                tokens--;
            });
        }
    }

    /** The fix: look again after every wait ({@code while}, not {@code if}). */
    static final class FixedLimiter extends Limiter {
        @Override
        Coroutine<Void> acquire() {
            return Coroutine.ofVoid("acquire", () -> {
                refill();
                while (tokens == 0) {
                    waitForRefill();
                }
                tokens--;
            });
        }
    }

    static Coroutine<Void> run(Limiter limiter) {
        return Coroutine.ofVoid("main", () -> {
            int[] perWindow = new int[10];
            List<Task<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                if (i == 7) {
                    sleep(ms(50)); // a second client starts; its calls take 50 ms to arrive
                }
                boolean remote = i >= 7;
                calls.add(createTask("call-" + i, Coroutine.ofVoid(() -> {
                    if (remote) {
                        sleep(ms(50));
                    }
                    await(limiter.acquire());
                    perWindow[(int) (currentLoop().time() / INTERVAL)]++; // the backend counts its calls
                })));
            }
            await(gather(calls));
            for (int w = 0; w < perWindow.length; w++) {
                Io.check(perWindow[w] <= RATE, "rate limit broken: " + perWindow[w] + " calls in the window from "
                        + w * 100 + " ms, at most " + RATE + " allowed");
            }
        });
    }
}

package dev.simloop;

import static dev.simloop.Sim.sleep;

import java.time.Duration;

/** Coroutines and tasks that sleep, log and then return or fail, for the combinator tests. */
abstract class CombinatorTestBase extends LoopTestBase {

    /** Sleeps {@code seconds}, logs "name done at T s" (or "name cancelled at T s") and returns {@code name}. */
    Coroutine<String> sleeper(int seconds, String name) {
        return Coroutine.of(name, () -> {
            try {
                sleep(Duration.ofSeconds(seconds));
            } catch (CancelledException e) {
                logAt(name + " cancelled");
                throw e;
            }
            logAt(name + " done");
            return name;
        });
    }

    /** Sleeps {@code seconds}, logs "name fails at T s" and throws IllegalStateException(name + " failed"). */
    Coroutine<String> failer(int seconds, String name) {
        return Coroutine.of(name, () -> {
            sleep(Duration.ofSeconds(seconds));
            logAt(name + " fails");
            throw new IllegalStateException(name + " failed");
        });
    }

    /** A task running {@link #sleeper}. */
    Task<String> after(int seconds, String name) {
        return Sim.createTask(sleeper(seconds, name));
    }

    /** A task running {@link #failer}. */
    Task<String> failing(int seconds, String name) {
        return Sim.createTask(failer(seconds, name));
    }
}

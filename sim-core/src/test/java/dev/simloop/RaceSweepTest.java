package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.sync.Condition;
import dev.simloop.sync.Lock;
import dev.simloop.sync.Queue;
import dev.simloop.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The races CPython fixed in its locks and queues (a cancellation racing a notify, a release or a lock hand-off
 * must not lose a wake-up), run under many seeded interleavings. Each body cancels one waiter at a seeded moment
 * and then checks that everyone left gets through: a lost wake-up leaves a waiter behind, which the loop reports as
 * a deadlock, and the run fails.
 */
class RaceSweepTest {

    private static final int SEEDS = 300;

    /** Sweeps {@code body} under the policy and returns the result; it must explore orders and never fail. */
    private static SweepResult sweep(String policy, java.util.function.Supplier<Coroutine<?>> body) {
        SweepResult r = Simulation.of(body).policy(Policy.parse(policy)).seeds(0xACE, SEEDS).stopAtFirstFailure(true)
                .shrink(false).sweep();
        assertThat(r.failures()).as(() -> r.report()).isEmpty();
        assertThat(r.runs()).isEqualTo(SEEDS);
        assertThat(r.decisions()).as("decisions taken: the sweep must explore orders").isGreaterThan(SEEDS);
        return r;
    }

    /** A short seeded pause (0-2 ms of virtual time, or a bare yield) so that tasks meet in varied orders. */
    private static void jitter(RandomGenerator random) {
        sleep(Duration.ofMillis(random.nextInt(3)));
    }

    /**
     * Cancels one of the {@code tasks} still pending, chosen and timed by the seed (possibly one that was just woken
     * and has not run yet: the race under test); returns the others. If every task is already done (a policy may hold
     * the caller back until they all finished), it cancels none and returns them all.
     */
    private static <T> List<Task<T>> cancelOne(List<Task<T>> tasks, RandomGenerator random) {
        jitter(random);
        List<Task<T>> pending = tasks.stream().filter(t -> !t.isDone()).toList();
        if (pending.isEmpty()) {
            return tasks;
        }
        Task<T> victim = pending.get(random.nextInt(pending.size()));
        victim.cancel("chosen by the seed");
        List<Task<T>> others = new ArrayList<>(tasks);
        others.remove(victim);
        return others;
    }

    /** Awaits a task that may have been cancelled; true if it finished normally. */
    private static boolean finished(Task<?> t) {
        try {
            await(t);
            return true;
        } catch (CancelledException e) {
            return false;
        }
    }

    private static Coroutine<?> lockHandOff() {
        return Coroutine.ofVoid(() -> {
            RandomGenerator random = Sim.currentLoop().random();
            Lock lock = new Lock();
            int[] holders = {0};
            List<Task<Void>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(createTask("worker-" + i, Coroutine.ofVoid(() -> {
                    jitter(random);
                    lock.acquire();
                    holders[0]++;
                    try {
                        if (holders[0] != 1) {
                            throw new AssertionError(holders[0] + " tasks hold the lock at once");
                        }
                        jitter(random);
                    } finally {
                        holders[0]--;
                        lock.release();
                    }
                })));
            }
            cancelOne(workers, random);
            for (Task<Void> w : workers) {
                finished(w);
            }
            if (lock.locked()) {
                throw new AssertionError("the lock is still held after every worker ended");
            }
        });
    }

    private static Coroutine<?> conditionNotify() {
        return Coroutine.ofVoid(() -> {
            RandomGenerator random = Sim.currentLoop().random();
            Condition ready = new Condition();
            List<String> items = new ArrayList<>();
            List<Task<String>> consumers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                consumers.add(createTask("consumer-" + i, Coroutine.of(() -> {
                    ready.acquire();
                    try {
                        ready.waitFor(() -> !items.isEmpty());
                        return items.remove(0);
                    } finally {
                        ready.release();
                    }
                })));
            }
            Task<Void> producer = createTask("producer", Coroutine.ofVoid(() -> {
                for (String item : List.of("a", "b")) {
                    jitter(random);
                    ready.acquire();
                    try {
                        items.add(item);
                        ready.signal(1);
                    } finally {
                        ready.release();
                    }
                }
            }));
            List<Task<String>> survivors = cancelOne(consumers, random);
            await(producer);
            int consumed = 0;
            for (Task<String> c : survivors) {
                consumed += finished(c) ? 1 : 0;
            }
            if (consumed != 2) {
                throw new AssertionError("2 items for 2 consumers, but " + consumed + " consumed");
            }
        });
    }

    private static Coroutine<?> semaphoreRelease() {
        return Coroutine.ofVoid(() -> {
            RandomGenerator random = Sim.currentLoop().random();
            Semaphore permits = new Semaphore(1);
            List<Task<Void>> users = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                users.add(createTask("user-" + i, Coroutine.ofVoid(() -> {
                    jitter(random);
                    permits.acquire();
                    try {
                        jitter(random);
                    } finally {
                        permits.release();
                    }
                })));
            }
            cancelOne(users, random);
            for (Task<Void> u : users) {
                finished(u);
            }
            if (permits.locked()) {
                throw new AssertionError("the permit was lost: the semaphore is locked after every user ended");
            }
        });
    }

    private static Coroutine<?> queueGet() {
        return Coroutine.ofVoid(() -> {
            RandomGenerator random = Sim.currentLoop().random();
            Queue<String> queue = new Queue<>(1);
            List<Task<String>> getters = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                getters.add(createTask("getter-" + i, Coroutine.of(queue::get)));
            }
            Task<Void> putter = createTask("putter", Coroutine.ofVoid(() -> {
                for (String item : List.of("a", "b")) {
                    jitter(random);
                    queue.put(item);
                }
            }));
            List<Task<String>> survivors = cancelOne(getters, random);
            await(putter);
            int got = 0;
            for (Task<String> g : survivors) {
                got += finished(g) ? 1 : 0;
            }
            if (got != 2 || !queue.empty()) {
                throw new AssertionError("2 items for 2 getters, but " + got + " got one and " + queue.qsize()
                        + " left in the queue");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"RANDOM", "PCT(3)"})
    void aCancelledWaiterNeverLosesTheLockHandOff(String policy) {
        sweep(policy, RaceSweepTest::lockHandOff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RANDOM", "PCT(3)"})
    void aCancelledWaiterPassesItsNotificationOn(String policy) {
        sweep(policy, RaceSweepTest::conditionNotify);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RANDOM", "PCT(3)"})
    void aCancelledAcquirerNeverLosesAReleasedPermit(String policy) {
        sweep(policy, RaceSweepTest::semaphoreRelease);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RANDOM", "PCT(3)"})
    void aCancelledGetterNeverLosesAnItem(String policy) {
        sweep(policy, RaceSweepTest::queueGet);
    }

    @Test
    void aLostWakeUpFailsTheRunAsADeadlock() {
        // What a lost wake-up looks like to a sweep: the waiter is left behind and the run fails with a deadlock.
        SweepResult r = Simulation.of(() -> Coroutine.ofVoid(() -> {
            SimFuture<Void> never = Sim.currentLoop().createFuture("wake-up that was lost");
            Task<Void> waiter = createTask("waiter", Coroutine.ofVoid(() -> await(never)));
            await(waiter);
        })).policy(Policy.random()).seeds(0xACE, 3).shrink(false).sweep();
        assertThat(r.firstFailure().orElseThrow().failure()).isInstanceOf(DeadlockException.class);
    }
}

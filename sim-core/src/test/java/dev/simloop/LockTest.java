package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.currentTask;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.sync.Lock;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Lock as in CPython 3.13's locks.py and test_locks.py. */
class LockTest extends LoopTestBase {

    private final Lock lock = new Lock();

    /** A task that takes the lock, logs "name got the lock" and releases it. */
    private Task<Void> taker(String name) {
        return spawn(name, () -> {
            lock.acquire();
            log.add(name + " got the lock");
            lock.release();
        });
    }

    @Test
    void aFreeLockIsTakenWithoutSuspending() {
        runVoid(() -> {
            currentTask().cancel(); // would surface at the first suspension
            lock.acquire();
            log.add("locked " + lock.locked());
            lock.release();
            log.add("locked " + lock.locked());
            currentTask().uncancel();
        });
        assertThat(log).containsExactly("locked true", "locked false");
    }

    @Test
    void waitersGetTheLockInArrivalOrder() {
        runVoid(() -> {
            lock.acquire();
            Task<Void> a = taker("a");
            Task<Void> b = taker("b");
            Task<Void> c = taker("c");
            yieldNow();
            lock.release();
            await(Sim.gather(a, b, c));
        });
        assertThat(log).containsExactly("a got the lock", "b got the lock", "c got the lock");
    }

    @Test
    void aNewcomerQueuesBehindAWokenWaiterInsteadOfBarging() {
        runVoid(() -> {
            lock.acquire();
            Task<Void> b = taker("b");
            yieldNow();
            lock.release(); // b is woken but has not run yet: the lock is free for a moment
            log.add("free: " + !lock.locked());
            lock.acquire();
            log.add("main got the lock again");
            lock.release();
            await(b);
        });
        assertThat(log).containsExactly("free: true", "b got the lock", "main got the lock again");
    }

    /**
     * Main holds the lock while b and c queue for it; then {@code race} runs (it cancels b and releases the lock, in
     * some order); then main logs how b ended and waits for c.
     */
    private void twoWaitersThen(Consumer<Task<Void>> race) {
        runVoid(() -> {
            lock.acquire();
            Task<Void> b = taker("b");
            Task<Void> c = taker("c");
            yieldNow();
            race.accept(b);
            log.add("b: " + outcomeOf(b));
            await(c);
        });
    }

    @Test
    void aWokenWaiterThatIsCancelledPassesTheLockOn() {
        twoWaitersThen(b -> {
            lock.release(); // wakes b
            b.cancel("b cancelled before it ran");
        });
        assertThat(log).containsExactly("c got the lock", "b: cancelled: b cancelled before it ran");
    }

    @Test
    void aWaiterCancelledJustBeforeTheReleaseStillLetsTheNextOneIn() {
        // CPython's test_cancel_race: b's cancelled future is still first in line when the release looks for a
        // waiter to wake, so the release wakes nobody; b, leaving, must wake c.
        twoWaitersThen(b -> {
            b.cancel();
            lock.release();
        });
        assertThat(log).containsExactly("c got the lock", "b: cancelled: cancelled");
    }

    @Test
    void aCancelledWaiterLeavesTheLine() {
        twoWaitersThen(b -> {
            b.cancel();
            log.add("b first: " + outcomeOf(b));
            lock.release(); // b has left the line: c is first
        });
        // The second look at b is done at once (awaiting a done task does not suspend), before c runs.
        assertThat(log).containsExactly("b first: cancelled: cancelled", "b: cancelled: cancelled", "c got the lock");
    }

    @Test
    void releasingAFreeLockIsAnError() {
        assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("release() of a Lock that is not acquired: release only after a successful acquire(), "
                        + "once.");
    }
}

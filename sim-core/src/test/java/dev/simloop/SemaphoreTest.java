package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.sync.BoundedSemaphore;
import dev.simloop.sync.Semaphore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Semaphore and BoundedSemaphore as in CPython 3.13's locks.py (FIFO). */
class SemaphoreTest extends LoopTestBase {

    private Task<Void> holder(Semaphore s, String name, int seconds) {
        return spawn(name, () -> {
            s.acquire();
            logAt(name + " got a permit");
            sleep(Duration.ofSeconds(seconds));
            s.release();
        });
    }

    @Test
    void permitsGoToWaitersInArrivalOrder() {
        Semaphore s = new Semaphore(1);
        runVoid(() -> await(Sim.gather(holder(s, "a", 1), holder(s, "b", 1), holder(s, "c", 1))));
        assertThat(log).containsExactly("a got a permit at 0 s", "b got a permit at 1 s", "c got a permit at 2 s");
    }

    @Test
    void aNewcomerWaitsBehindAWokenWaiter() {
        Semaphore s = new Semaphore(0);
        runVoid(() -> {
            Task<Void> b = holder(s, "b", 0);
            yieldNow();
            s.release(); // the permit is b's now, though b has not run
            log.add("locked " + s.locked());
            s.acquire();
            logAt("main got a permit");
            await(b);
        });
        assertThat(log).containsExactly("locked true", "b got a permit at 0 s", "main got a permit at 0 s");
    }

    @Test
    void aWokenWaiterThatIsCancelledGivesItsPermitToTheNext() {
        Semaphore s = new Semaphore(0);
        runVoid(() -> {
            Task<Void> b = holder(s, "b", 0);
            Task<Void> c = holder(s, "c", 0);
            yieldNow();
            s.release(); // wakes b
            b.cancel();
            log.add("b: " + outcomeOf(b));
            await(c);
        });
        assertThat(log).containsExactly("c got a permit at 0 s", "b: cancelled: cancelled");
    }

    @Test
    void lockedTellsWhetherAcquireWouldWait() {
        Semaphore s = new Semaphore(2);
        runVoid(() -> {
            log.add("locked " + s.locked());
            s.acquire();
            log.add("locked " + s.locked());
            s.acquire();
            log.add("locked " + s.locked());
        });
        assertThat(log).containsExactly("locked false", "locked false", "locked true");
    }

    @Test
    void aNegativeValueIsRejected() {
        assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Semaphore's initial value must be >= 0, was -1.");
    }

    @Test
    void aBoundedSemaphoreRefusesAReleaseAboveItsValue() {
        BoundedSemaphore s = new BoundedSemaphore(1);
        runVoid(() -> {
            s.acquire();
            s.release();
            assertThatThrownBy(s::release).isInstanceOf(IllegalStateException.class)
                    .hasMessage("BoundedSemaphore released too many times: it already has all 1 permits. Release "
                            + "only permits you acquired.");
        });
    }

    @Test
    void aWaiterCancelledJustBeforeTheReleaseDoesNotSwallowThePermit() {
        Semaphore s = new Semaphore(0);
        runVoid(() -> {
            Task<Void> b = holder(s, "b", 0);
            Task<Void> c = holder(s, "c", 0);
            yieldNow();
            b.cancel();
            s.release(); // b's future is cancelled already: the permit goes to c
            log.add("b: " + outcomeOf(b));
            await(c);
        });
        assertThat(log).containsExactly("c got a permit at 0 s", "b: cancelled: cancelled");
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.sync.Condition;
import dev.simloop.sync.Lock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Condition as in CPython 3.13's locks.py (wait/notify/notify_all are await/signal/signalAll). */
class ConditionTest extends LoopTestBase {

    private final Condition cond = new Condition();

    /** A task that waits on the condition and logs how it came out, and whether it held the lock then. */
    private Task<Void> waiter(String name) {
        return spawn(name, () -> {
            cond.acquire();
            try {
                cond.await();
                logAt(name + " woke holding the lock: " + cond.locked());
            } catch (CancelledException e) {
                logAt(name + " cancelled holding the lock: " + cond.locked());
            } finally {
                cond.release();
            }
        });
    }

    @Test
    void signalWakesUpToNWaitersOldestFirst() {
        runVoid(() -> {
            Task<Void> a = waiter("a");
            Task<Void> b = waiter("b");
            Task<Void> c = waiter("c");
            yieldNow();
            cond.acquire();
            cond.signal(2);
            cond.release();
            sleep(Duration.ofSeconds(1));
            cond.acquire();
            cond.signal();
            cond.release();
            await(Sim.gather(a, b, c));
        });
        assertThat(log).containsExactly("a woke holding the lock: true at 0 s", "b woke holding the lock: true at 0 s",
                "c woke holding the lock: true at 1 s");
    }

    @Test
    void signalAllWakesEveryWaiter() {
        runVoid(() -> {
            Task<Void> a = waiter("a");
            Task<Void> b = waiter("b");
            yieldNow();
            cond.acquire();
            cond.signalAll();
            cond.release();
            await(Sim.gather(a, b));
        });
        assertThat(log).containsExactly("a woke holding the lock: true at 0 s", "b woke holding the lock: true at 0 s");
    }

    @Test
    void waitForWaitsUntilThePredicateHolds() {
        int[] items = {0};
        runVoid(() -> {
            Task<Void> consumer = spawn("consumer", () -> {
                cond.acquire();
                try {
                    cond.waitFor(() -> {
                        log.add("check " + items[0]);
                        return items[0] >= 2;
                    });
                    logAt("consumer saw " + items[0]);
                } finally {
                    cond.release();
                }
            });
            for (int i = 0; i < 2; i++) {
                sleep(Duration.ofSeconds(1));
                cond.acquire();
                items[0]++;
                cond.signalAll();
                cond.release();
            }
            await(consumer);
        });
        assertThat(log).containsExactly("check 0", "check 1", "check 2", "consumer saw 2 at 2 s");
    }

    @Test
    void signalOrAwaitWithoutTheLockIsAnError() {
        runVoid(() -> {
            assertThatThrownBy(cond::signal).isInstanceOf(IllegalStateException.class)
                    .hasMessage("signal() on a Condition whose lock is not acquired: acquire() the lock before "
                            + "signalling, as asyncio's notify requires.");
            assertThatThrownBy(cond::await).isInstanceOf(IllegalStateException.class)
                    .hasMessage("await() on a Condition whose lock is not acquired: call acquire() first, and "
                            + "release() after.");
        });
    }

    @Test
    void aCancelledWaiterReacquiresTheLockBeforeTheCancellationLeaves() {
        runVoid(() -> {
            Task<Void> a = waiter("a");
            yieldNow();
            cond.acquire();
            a.cancel();
            sleep(Duration.ofSeconds(1));
            logAt("main releases");
            cond.release();
            await(a);
        });
        assertThat(log).containsExactly("main releases at 1 s", "a cancelled holding the lock: true at 1 s");
    }

    @Test
    void aSignalledWaiterThatIsCancelledPassesTheSignalOn() {
        runVoid(() -> {
            Task<Void> a = waiter("a");
            Task<Void> b = waiter("b");
            yieldNow();
            cond.acquire();
            cond.signal(1); // a is signalled ...
            a.cancel(); // ... and cancelled before it runs: b must get the wake-up instead
            cond.release();
            await(Sim.gather(a, b));
        });
        assertThat(log).containsExactly("a cancelled holding the lock: true at 0 s",
                "b woke holding the lock: true at 0 s");
    }

    @Test
    void aSignalledWaiterCancelledWhileItWaitsForTheLockPassesTheSignalOn() {
        runVoid(() -> {
            Task<Void> a = waiter("a");
            Task<Void> b = waiter("b");
            yieldNow();
            cond.acquire();
            cond.signal(1);
            yieldNow(); // a wakes and queues for the lock, which main holds
            a.cancel();
            yieldNow();
            cond.release();
            await(Sim.gather(a, b));
        });
        assertThat(log).containsExactly("a cancelled holding the lock: true at 0 s",
                "b woke holding the lock: true at 0 s");
    }

    @Test
    void aConditionCanShareALock() {
        Lock lock = new Lock();
        Condition shared = new Condition(lock);
        runVoid(() -> {
            lock.acquire();
            log.add("condition sees the lock held: " + shared.locked());
            shared.release();
            log.add("lock released through the condition: " + !lock.locked());
        });
        assertThat(log).containsExactly("condition sees the lock held: true", "lock released through the condition: true");
    }

    @Test
    void aWaiterUnwoundByAClosingLoopDoesNotTryToTakeTheLockBack() {
        loop.runUntilComplete(loop.createTask("main", Coroutine.ofVoid(() -> {
            loop.createBackgroundTask("waiter", Coroutine.ofVoid(() -> {
                cond.acquire();
                try {
                    cond.await();
                } catch (Throwable t) {
                    log.add("waiter left with " + t.getClass().getSimpleName());
                    throw t;
                }
            }));
            yieldNow();
            cond.acquire(); // held when the loop closes: taking it back would have to wait
        })));
        loop.close();
        assertThat(log).containsExactly("waiter left with Unwind");
    }
}

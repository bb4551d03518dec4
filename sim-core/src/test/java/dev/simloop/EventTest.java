package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.currentTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.sync.Event;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Event as in CPython 3.13's locks.py. */
class EventTest extends LoopTestBase {

    private final Event event = new Event();

    private Task<Void> waiter(String name) {
        return spawn(name, () -> {
            event.await();
            logAt(name + " woke");
        });
    }

    @Test
    void setWakesEveryWaiterInArrivalOrder() {
        runVoid(() -> {
            Task<Void> a = waiter("a");
            Task<Void> b = waiter("b");
            sleep(Duration.ofSeconds(1));
            event.set();
            log.add("set " + event.isSet());
            await(Sim.gather(a, b));
        });
        assertThat(log).containsExactly("set true", "a woke at 1 s", "b woke at 1 s");
    }

    @Test
    void awaitingASetEventReturnsWithoutSuspending() {
        runVoid(() -> {
            event.set();
            currentTask().cancel(); // would surface at the first suspension
            event.await();
            log.add("returned at once");
            currentTask().uncancel();
        });
        assertThat(log).containsExactly("returned at once");
    }

    @Test
    void afterClearWaitersWaitForTheNextSet() {
        runVoid(() -> {
            event.set();
            event.clear();
            log.add("set " + event.isSet());
            Task<Void> a = waiter("a");
            yieldNow();
            sleep(Duration.ofSeconds(2));
            event.set();
            await(a);
        });
        assertThat(log).containsExactly("set false", "a woke at 2 s");
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.sync.Barrier;
import dev.simloop.sync.BarrierBrokenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Barrier as in CPython 3.13's locks.py. */
class BarrierTest extends LoopTestBase {

    private Task<Void> party(Barrier barrier, String name, int seconds) {
        return spawn(name, () -> {
            sleep(Duration.ofSeconds(seconds));
            try {
                logAt(name + " passed with index " + barrier.await());
            } catch (BarrierBrokenException e) {
                logAt(name + ": " + e.getMessage());
            }
        });
    }

    @Test
    void theLastArrivalReleasesEveryParty() {
        Barrier barrier = new Barrier(3);
        runVoid(() -> await(Sim.gather(party(barrier, "a", 0), party(barrier, "b", 0), party(barrier, "c", 1))));
        assertThat(log).containsExactly("c passed with index 2 at 1 s", "a passed with index 0 at 1 s",
                "b passed with index 1 at 1 s");
    }

    @Test
    void resetBreaksTheWaitersAndLeavesTheBarrierUsable() {
        Barrier barrier = new Barrier(3);
        runVoid(() -> {
            Task<Void> a = party(barrier, "a", 0);
            Task<Void> b = party(barrier, "b", 0);
            yieldNow();
            yieldNow();
            log.add("waiting " + barrier.waiting());
            barrier.reset();
            await(Sim.gather(a, b));
            log.add("waiting " + barrier.waiting() + ", broken " + barrier.isBroken());
        });
        assertThat(log).containsExactly("waiting 2",
                "a: Barrier resetting while this task waited at it (abort() or reset() was called). After a reset, await() again; after an abort, give up or reset() it first. at 0 s",
                "b: Barrier resetting while this task waited at it (abort() or reset() was called). After a reset, await() again; after an abort, give up or reset() it first. at 0 s",
                "waiting 0, broken false");
    }

    @Test
    void abortBreaksTheWaitersAndLaterCallers() {
        Barrier barrier = new Barrier(2);
        runVoid(() -> {
            Task<Void> a = party(barrier, "a", 0);
            yieldNow();
            yieldNow();
            barrier.abort();
            await(a);
            log.add("broken " + barrier.isBroken());
            assertThatThrownBy(barrier::await).isInstanceOf(BarrierBrokenException.class)
                    .hasMessage("Barrier aborted: await() on a broken barrier. Call reset() to use it again.");
        });
        assertThat(log).containsExactly(
                "a: Barrier broken while this task waited at it (abort() or reset() was called). After a reset, await() again; after an abort, give up or reset() it first. at 0 s",
                "broken true");
    }

    @Test
    void fewerThanOnePartyIsRejected() {
        assertThatThrownBy(() -> new Barrier(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Barrier needs parties >= 1, was 0.");
    }
}

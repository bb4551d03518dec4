package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.shield;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** shield as in CPython 3.13's tasks.py. */
class ShieldTest extends LoopTestBase {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private Task<String> slow() {
        return Sim.createTask("inner", Coroutine.of(() -> {
            sleep(SECOND);
            logAt("inner finished");
            return "inner result";
        }));
    }

    @Test
    void cancellingTheAwaiterDoesNotCancelTheInnerTask() {
        runVoid(() -> {
            Task<String> inner = slow();
            Task<Void> waiter = spawn("waiter", () -> await(shield(inner)));
            yieldNow();
            waiter.cancel("stop");
            try {
                await(waiter);
            } catch (CancelledException e) {
                logAt("waiter cancelled: " + e.getMessage());
            }
            log.add("inner cancelled: " + inner.isCancelled());
            logAt("inner gave " + await(inner));
        });
        assertThat(log).containsExactly("waiter cancelled: stop at 0 s", "inner cancelled: false",
                "inner finished at 1 s", "inner gave inner result at 1 s");
    }

    @Test
    void cancellingTheInnerTaskCancelsTheShield() {
        runVoid(() -> {
            Task<String> inner = slow();
            SimFuture<String> outer = shield(inner);
            yieldNow();
            inner.cancel("inner stopped");
            try {
                await(outer);
            } catch (CancelledException e) {
                log.add("shield cancelled: " + outer.isCancelled() + ", " + e.getMessage());
            }
        });
        assertThat(log).containsExactly("shield cancelled: true, inner stopped");
    }

    @Test
    void theShieldGivesTheInnerResult() {
        String r = run(() -> await(shield(slow())));
        assertThat(r).isEqualTo("inner result");
        assertThat(log).containsExactly("inner finished at 1 s");
    }

    @Test
    void aShieldOfADoneFutureHoldsItsOutcome() {
        String r = run(() -> {
            SimFuture<String> f = loop.createFuture();
            f.setResult("done already");
            SimFuture<String> s = shield(f);
            log.add("shield done: " + s.isDone());
            return await(s);
        });
        assertThat(r).isEqualTo("done already");
        assertThat(log).containsExactly("shield done: true");
    }
}

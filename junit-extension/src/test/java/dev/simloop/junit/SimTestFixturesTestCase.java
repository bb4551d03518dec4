package dev.simloop.junit;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.SimFuture;
import java.time.Duration;

/** Fixtures run through the EngineTestKit by {@link SimTestTest}; not run on their own. */
class SimTestFixturesTestCase {

    @SimTest
    void sleepsAnHourInVirtualTime(EventLoop loop) {
        sleep(Duration.ofHours(1));
        assertThat(loop.time()).isEqualTo(Duration.ofHours(1).toNanos());
    }

    @SimTest
    void failsAnAssertionAfterAwaiting() {
        Integer value = await(createTask(Coroutine.of("answer", () -> {
            sleep(Duration.ofSeconds(1));
            return 41;
        })));
        assertThat(value).as("the answer").isEqualTo(42);
    }

    @SimTest
    void leavesATaskPending() {
        createTask("forgotten-worker", Coroutine.ofVoid(() -> sleep(Duration.ofDays(1))));
    }

    @SimTest
    void dropsATaskException() {
        createTask("fire-and-forget", Coroutine.ofVoid(() -> {
            throw new IllegalStateException("lost failure");
        }));
        sleep(Duration.ofSeconds(1));
    }

    @SimTest
    void neverAwaitsACoroutine() {
        Coroutine.ofVoid("lonely", () -> sleep(Duration.ofSeconds(1)));
    }

    @SimTest
    void deadlocks(EventLoop loop) {
        SimFuture<String> never = loop.createFuture("never-resolved");
        await(createTask("waiter", Coroutine.of(() -> await(never))));
    }

    @SimTest
    void keepsABackgroundTask(EventLoop loop) {
        loop.createBackgroundTask("heartbeat", Coroutine.ofVoid(() -> {
            while (true) {
                sleep(Duration.ofSeconds(1));
            }
        }));
        sleep(Duration.ofSeconds(3));
    }
}

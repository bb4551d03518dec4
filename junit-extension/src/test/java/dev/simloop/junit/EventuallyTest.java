package dev.simloop.junit;

import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.junit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "Eventually" in virtual time inside a sim test; Awaitility itself where a real thread hands work to the loop. */
@ExtendWith(SimExtension.class)
class EventuallyTest {

    @SimTest
    void pollsInVirtualTimeWhileOtherTasksRun(EventLoop loop) {
        AtomicInteger warmed = new AtomicInteger();
        createTask("warmer", Coroutine.ofVoid(() -> {
            sleep(Duration.ofMillis(2500));
            warmed.set(3);
        }));
        eventually().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofSeconds(1)).until(() -> warmed.get() == 3);
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @SimTest
    void failsAtTheLimitSayingHowOftenItChecked(EventLoop loop) {
        assertThatThrownBy(() -> eventually().alias("cache warm").atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(300)).until(() -> false))
                .hasMessage("Condition 'cache warm' was not fulfilled within 1 s of virtual time: checked 5 times, "
                        + "every 0.3 s.");
        assertThat(loop.time()).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThatThrownBy(() -> eventually().atMost(Duration.ZERO).untilAsserted(() -> assertThat(1).isEqualTo(2)))
                .hasMessageStartingWith("Assertion was not fulfilled within 0 s of virtual time: checked 1 times, "
                        + "every 0.1 s; last failure: \nexpected: 2")
                .cause().isInstanceOf(AssertionError.class);
    }

    @Test
    void aRealThreadHandsWorkToTheLoopAndAwaitilityWaitsForIt(EventLoop loop) throws InterruptedException {
        List<String> received = new CopyOnWriteArrayList<>();
        Thread producer = Thread.ofPlatform().start(() -> loop.callSoonThreadsafe(() -> received.add("from thread")));
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            loop.runCurrent();
            return !received.isEmpty();
        });
        assertThat(received).containsExactly("from thread");
        producer.join();
    }
}

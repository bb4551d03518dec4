package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The watchdog is the one wall-clock part of simloop: these tests block for real, briefly. */
class BlockedLoopTest {

    @Test
    void aCoroutineThatBlocksTheThreadIsReportedWithItsNameAndStack() {
        try (EventLoop loop = EventLoop.builder().name("guarded").blockedThreshold(Duration.ofMillis(100)).build()) {
            Task<Void> t = loop.createTask("sleepy", Coroutine.ofVoid(BlockedLoopTest::blockForReal));
            assertThatThrownBy(() -> loop.runUntilComplete(t))
                    .isInstanceOf(BlockedLoopException.class)
                    .hasMessageStartingWith("Task 'sleepy' has blocked the thread of event loop 'guarded' for ")
                    .hasMessageContaining("of wall-clock time (limit 0.1 s). Code on an event loop must not block: "
                            + "use sleep(...) instead of Thread.sleep, and await instead of blocking calls.")
                    .satisfies(e -> assertThat(Arrays.stream(e.getStackTrace()).map(StackTraceElement::getMethodName))
                            .contains("blockForReal"));
            assertThat(t.isDone()).isTrue();
        }
    }

    @Test
    void aZeroThresholdTurnsTheCheckOff() {
        try (EventLoop loop = EventLoop.builder().blockedThreshold(Duration.ZERO).build()) {
            Task<Void> t = loop.createTask("sleepy", Coroutine.ofVoid(() -> Thread.sleep(150)));
            loop.runUntilComplete(t);
            assertThat(t.isDone()).isTrue();
        }
    }

    private static void blockForReal() throws InterruptedException {
        Thread.sleep(600);
    }
}

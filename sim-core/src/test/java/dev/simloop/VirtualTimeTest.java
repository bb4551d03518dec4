package dev.simloop;

import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {

    private final List<String> log = new ArrayList<>();
    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void close() {
        loop.close();
    }

    private Runnable logsTime(String what) {
        return () -> log.add(what + "@" + loop.time());
    }

    @Test
    void anHourOfSleepPassesInstantly() {
        Task<Void> t = loop.createTask("sleeper", Coroutine.ofVoid(() -> sleep(Duration.ofHours(1))));
        loop.runUntilComplete(t);
        assertThat(loop.time()).isEqualTo(Duration.ofHours(1).toNanos());
    }

    @Test
    void absoluteTimesReadAndWriteAsInstantsWithDurations() {
        loop.callAt(LoopInstant.sinceStart(Duration.ofSeconds(5)), () -> log.add("at " + loop.now()));
        loop.callAt(LoopInstant.sinceStart(Duration.ofMillis(1500)), () -> {
            log.add("at " + loop.now());
            loop.callAt(loop.now().plus(Duration.ofSeconds(1)), () -> log.add("a second later, at " + loop.now()));
        });
        loop.advanceBy(Duration.ofSeconds(10));
        LoopInstant now = loop.now();
        assertThat(log).containsExactly("at 1.5 s", "a second later, at 2.5 s", "at 5 s");
        assertThat(now).isEqualTo(LoopInstant.ofNanos(10_000_000_000L));
        assertThat(now.toDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(LoopInstant.START.until(now)).isEqualTo(Duration.ofSeconds(10));
        assertThat(now.minus(Duration.ofSeconds(4)).isBefore(now)).isTrue();
        assertThat(LoopInstant.ofNanos(Long.MAX_VALUE - 1).plus(Duration.ofDays(1))).hasToString("the end of time");
        assertThatThrownBy(() -> loop.callAt((LoopInstant) null, () -> {})).isInstanceOf(NullPointerException.class)
                .hasMessage("when");
    }

    @Test
    void advanceByIncludesWorkDueExactlyAtTheEndPoint() {
        loop.callLater(Duration.ofSeconds(1), logsTime("at 1s"));
        loop.callLater(Duration.ofSeconds(2), logsTime("at 2s"));
        loop.callLater(Duration.ofNanos(2_000_000_001L), logsTime("just after"));
        loop.advanceBy(Duration.ofSeconds(2));
        assertThat(log).containsExactly("at 1s@1000000000", "at 2s@2000000000");
        assertThat(loop.time()).isEqualTo(2_000_000_000L);
    }

    @Test
    void advanceByLeavesTheClockAtTheEndPointWhenIdleEarlier() {
        loop.advanceBy(Duration.ofMinutes(3));
        assertThat(loop.time()).isEqualTo(Duration.ofMinutes(3).toNanos());
        assertThatThrownBy(() -> loop.advanceBy(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("advanceBy(PT-1S): virtual time cannot go backwards.");
    }

    @Test
    void runCurrentRunsWhatIsDueNowWithoutAdvancing() {
        loop.callSoon(logsTime("soon"));
        loop.callLater(Duration.ZERO, logsTime("due now"));
        loop.callLater(Duration.ofNanos(1), logsTime("later"));
        loop.runCurrent();
        assertThat(log).containsExactly("soon@0", "due now@0");
        assertThat(loop.time()).isZero();
    }

    @Test
    void runUntilIdleIsNotKeptGoingByBackgroundTasks() {
        loop.createBackgroundTask("ticker", Coroutine.ofVoid(() -> {
            while (true) {
                sleep(Duration.ofSeconds(1));
                log.add("tick@" + loop.time());
            }
        }));
        loop.callLater(Duration.ofMillis(2500), logsTime("foreground"));
        loop.runUntilIdle();
        assertThat(log).containsExactly("tick@1000000000", "tick@2000000000", "foreground@2500000000");
        assertThat(loop.time()).isEqualTo(2_500_000_000L);
    }

    @Test
    void cancelledTimerNeverRunsAndDoesNotKeepTheLoopBusy() {
        TimerHandle far = loop.callLater(Duration.ofDays(365), logsTime("never"));
        loop.callLater(Duration.ofSeconds(1), logsTime("kept"));
        far.cancel();
        assertThat(far.isCancelled()).isTrue();
        loop.runUntilIdle();
        assertThat(log).containsExactly("kept@1000000000");
        assertThat(loop.time()).isEqualTo(1_000_000_000L);
    }

    @Test
    void cancelledReadyCallbackIsSkipped() {
        Handle h = loop.callSoon(logsTime("cancelled"));
        loop.callSoon(logsTime("runs"));
        h.cancel();
        loop.runUntilIdle();
        assertThat(log).containsExactly("runs@0");
    }

    @Test
    void hugeDelaysSaturateInsteadOfOverflowing() {
        TimerHandle h = loop.callLater(Duration.ofSeconds(Long.MAX_VALUE), logsTime("end of time"));
        assertThat(h.when()).isEqualTo(Long.MAX_VALUE);
        h.cancel();
        loop.runUntilIdle();
        assertThat(loop.time()).isZero();
    }

    @Test
    void timerQueueKeepsDeadlineThenSequenceOrderUnderRandomCancellation() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<TimerHandle> live = new ArrayList<>();
        List<Long> fired = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long when = random.nextLong(1, 50);
            long[] self = new long[1];
            TimerHandle h = loop.callAt(when, () -> fired.add(self[0]));
            self[0] = when * 1_000_000 + i;
            live.add(h);
            if (random.nextInt(3) == 0) {
                live.remove(random.nextInt(live.size())).cancel();
            }
        }
        List<Long> expected = live.stream().map(h -> h.when() * 1_000_000 + h.sequence).sorted().toList();
        loop.runUntilIdle();
        assertThat(fired).isEqualTo(expected);
    }
}

package dev.simloop;

import static dev.simloop.Sim.mark;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A trace holds its last {@code traceCapacity} events, says how many it dropped, and fingerprints them all. */
class TraceCapacityTest {

    /** 13 events: CREATED, STARTED, marks m0 to m9 (a yield between each), FINISHED_RESULT. */
    private static Coroutine<String> tenMarks() {
        return Coroutine.of("main", () -> {
            for (int i = 0; i < 10; i++) {
                mark("m" + i);
            }
            return "done";
        });
    }

    private static Trace traceOf(EventLoop.Builder builder, Coroutine<?> main) {
        try (EventLoop loop = builder.trace(TraceLevel.DEFAULT).build()) {
            loop.runUntilComplete(main);
            return loop.trace();
        }
    }

    @Test
    void aFullRingKeepsTheLastEventsAndCountsTheDroppedOnes() {
        Trace trace = traceOf(EventLoop.builder().traceCapacity(5), tenMarks());
        assertThat(trace.size()).isEqualTo(5);
        assertThat(trace.dropped()).isEqualTo(8);
        assertThat(trace.events().stream().map(e -> e.kind() + " " + e.detail()).toList()).isEqualTo(List.of(
                "MARK m6", "MARK m7", "MARK m8", "MARK m9", "FINISHED_RESULT done"));
        assertThat(trace.event(0).index()).isZero();
        assertThat(trace.renderText()).isEqualTo("""
                (first 8 of 13 events dropped; raise EventLoop.Builder.traceCapacity (now 5) to keep more)
                #1 0 s main mark m6
                #1 0 s main mark m7
                #1 0 s main mark m8
                #1 0 s main mark m9
                #1 0 s main finished with done
                """);
        assertThat(trace).hasToString("Trace[5 events (first 8 of 13 events dropped; raise "
                + "EventLoop.Builder.traceCapacity (now 5) to keep more), fingerprint "
                + Seeds.format(trace.fingerprint()) + "]");
    }

    @Test
    void aCutTraceHasTheFingerprintOfTheWholeRun() {
        Trace whole = traceOf(EventLoop.builder(), tenMarks());
        Trace cut = traceOf(EventLoop.builder().traceCapacity(5), tenMarks());
        assertThat(whole.size()).isEqualTo(13);
        assertThat(whole.dropped()).isZero();
        assertThat(cut.fingerprint()).isEqualTo(whole.fingerprint());
        assertThat(cut.firstDifference(whole)).isEqualTo(-1);
        assertThat(whole.firstDifference(cut)).isEqualTo(-1);
        assertThat(cut.events()).isEqualTo(whole.events().subList(8, 13).stream()
                .map(e -> new TraceEvent(e.index() - 8, e.step(), e.time(), e.taskId(), e.taskName(), e.kind(),
                        e.detail(), e.source()))
                .toList());
    }

    @Test
    void aRingExactlyFullDropsNothing() {
        Trace trace = traceOf(EventLoop.builder().traceCapacity(13), tenMarks());
        assertThat(trace.size()).isEqualTo(13);
        assertThat(trace.dropped()).isZero();
        assertThat(trace.renderText()).startsWith("#0 0 s main created\n#1 0 s main started\n");
    }

    @Test
    void aSnapshotKeepsItsEventsWhileTheRingWrapsOn() {
        try (EventLoop loop = EventLoop.builder().trace(TraceLevel.DEFAULT).traceCapacity(3).build()) {
            loop.runUntilComplete(Coroutine.ofVoid(() -> {
                mark("a");
                mark("b");
                mark("c");
            }));
            Trace early = loop.trace();
            loop.runUntilComplete(Coroutine.ofVoid(() -> mark("d")));
            Trace late = loop.trace();
            assertThat(early.events().stream().map(TraceEvent::detail).toList()).isEqualTo(List.of("b", "c", "null"));
            assertThat(early.dropped()).isEqualTo(3);
            assertThat(late.events().stream().map(e -> e.kind() + " " + e.detail()).toList()).isEqualTo(List.of(
                    "STARTED ", "MARK d", "FINISHED_RESULT null"));
            assertThat(late.dropped()).isEqualTo(7);
            assertThat(early.firstDifference(late)).isEqualTo(3);
        }
    }

    @Test
    void everyRenderingOfACutTraceSaysWhatWasCut() {
        Trace trace = traceOf(EventLoop.builder().traceCapacity(2), tenMarks());
        String note = "first 11 of 13 events dropped; raise EventLoop.Builder.traceCapacity (now 2) to keep more";
        assertThat(trace.renderColumns()).startsWith("(" + note + ")\n| step | time | main ");
        assertThat(trace.renderChromeJson()).startsWith("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"note\":\""
                + note + "\"},\"traceEvents\":[");
        assertThat(trace.renderHtml()).contains("<p class=\"summary\">" + note + "; the last 2 events, 1 steps");
    }

    @Test
    void lastKeepsTheLastEventsOfAWholeOrCutTraceWithItsFingerprint() {
        Trace whole = traceOf(EventLoop.builder(), tenMarks());
        Trace cut = traceOf(EventLoop.builder().traceCapacity(5), tenMarks());
        Trace tail = whole.last(2, "replay for the rest");
        assertThat(tail.renderText()).isEqualTo("""
                (first 11 of 13 events dropped; replay for the rest)
                #1 0 s main mark m9
                #1 0 s main finished with done
                """);
        assertThat(tail.fingerprint()).isEqualTo(whole.fingerprint());
        assertThat(cut.last(2, "replay for the rest").events()).isEqualTo(tail.events());
        assertThat(cut.last(2, "replay for the rest").dropped()).isEqualTo(11);
        assertThat(whole.last(13, "unused")).isSameAs(whole);
        assertThatThrownBy(() -> whole.last(0, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("events must be positive, was 0");
    }

    @Test
    void aCapacityBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> EventLoop.builder().traceCapacity(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Configuration error: traceCapacity must be positive, was 0.");
    }
}

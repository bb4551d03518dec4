package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.mark;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The trace's events, renderings and fingerprint; exact on both strand backends. */
class TraceTest {

    private static Trace traceOf(TraceLevel level, Coroutine<?> main) {
        EventLoop loop = EventLoop.builder().trace(level).build();
        try {
            loop.runUntilComplete(main);
            return loop.trace();
        } finally {
            loop.close();
        }
    }

    private static Coroutine<String> story() {
        return Coroutine.of("main", () -> {
            SimFuture<Integer> reply = Sim.currentLoop().createFuture("reply");
            Task<Void> sleeper = createTask("sleeper", Coroutine.ofVoid(() -> {
                sleep(Duration.ofSeconds(1));
                reply.setResult(42);
            }));
            Task<Void> failing = createTask("failing", Coroutine.ofVoid(() -> {
                yieldNow();
                throw new IllegalStateException("boom");
            }));
            Task<Void> victim = createTask("victim", Coroutine.ofVoid(() -> sleep(Duration.ofHours(1))));
            mark("all created");
            int got = await(reply);
            victim.cancel();
            try {
                await(failing);
            } catch (IllegalStateException expected) {
                mark("caught " + expected.getMessage());
            }
            try {
                await(victim);
            } catch (CancelledException expected) {
                mark("victim cancelled");
            }
            await(sleeper);
            return "got " + got;
        });
    }

    @Test
    void textRenderingListsEveryEventWithStepTimeTaskAndDetail() {
        Trace trace = traceOf(TraceLevel.DEFAULT, story());
        assertThat(trace.renderText()).isEqualTo("""
                #0 0 s main created
                #1 0 s main started
                #1 0 s sleeper created
                #1 0 s failing created
                #1 0 s victim created
                #1 0 s main mark all created
                #1 0 s main suspended on future 'reply'
                #2 0 s sleeper started
                #2 0 s sleeper suspended on sleep 1 s
                #3 0 s failing started
                #3 0 s failing suspended on a bare yield
                #4 0 s victim started
                #4 0 s victim suspended on sleep 3600 s
                #5 0 s failing resumed
                #5 0 s failing failed with java.lang.IllegalStateException: boom
                #6 1 s sleeper timer fired due at 1 s
                #7 1 s sleeper resumed
                #7 1 s sleeper finished with null
                #8 1 s main resumed
                #8 1 s main mark caught boom
                #8 1 s main suspended on task 'victim'
                #9 1 s victim resumed
                #9 1 s victim cancelled
                #10 1 s main resumed
                #10 1 s main mark victim cancelled
                #10 1 s main finished with got 42
                """);
    }

    @Test
    void columnRenderingPutsEachTaskInItsOwnColumn() {
        Trace trace = traceOf(TraceLevel.DEFAULT, Scenarios.lostUpdate());
        assertThat(trace.renderColumns()).isEqualTo("""
                | step | time | main                  | a                         | b                         |
                | ---- | ---- | --------------------- | ------------------------- | ------------------------- |
                | 0    | 0 s  | created               |                           |                           |
                | 1    | 0 s  | started               |                           |                           |
                | 1    | 0 s  |                       | created                   |                           |
                | 1    | 0 s  |                       |                           | created                   |
                | 1    | 0 s  | suspended on task 'a' |                           |                           |
                | 2    | 0 s  |                       | started                   |                           |
                | 2    | 0 s  |                       | suspended on a bare yield |                           |
                | 3    | 0 s  |                       |                           | started                   |
                | 3    | 0 s  |                       |                           | suspended on a bare yield |
                | 4    | 0 s  |                       | resumed                   |                           |
                | 4    | 0 s  |                       | finished with null        |                           |
                | 5    | 0 s  |                       |                           | resumed                   |
                | 5    | 0 s  |                       |                           | suspended on a bare yield |
                | 6    | 0 s  | resumed               |                           |                           |
                | 6    | 0 s  | suspended on task 'b' |                           |                           |
                | 7    | 0 s  |                       |                           | resumed                   |
                | 7    | 0 s  |                       |                           | finished with null        |
                | 8    | 0 s  | resumed               |                           |                           |
                | 8    | 0 s  | finished with null    |                           |                           |
                """);
    }

    @Test
    void fingerprintIsTheSameOnEitherStrandBackend() {
        assertThat(Seeds.format(traceOf(TraceLevel.DEFAULT, story()).fingerprint())).isEqualTo("0x9faec984c0c2b4b7");
    }

    @Test
    void eventsCanBeReadByAssertions() {
        Trace trace = traceOf(TraceLevel.DEFAULT, story());
        assertThat(trace.events()).filteredOn(e -> e.kind() == TraceEvent.Kind.MARK).extracting(TraceEvent::detail)
                .containsExactly("all created", "caught boom", "victim cancelled");
        TraceEvent last = trace.event(trace.size() - 1);
        assertThat(last.kind()).isEqualTo(TraceEvent.Kind.FINISHED_RESULT);
        assertThat(last.taskName()).isEqualTo("main");
        assertThat(last.taskId()).isEqualTo(1);
        assertThat(last.detail()).isEqualTo("got 42");
        assertThat(last.time()).isEqualTo(1_000_000_000L);
    }

    @Test
    void detailedLevelNamesTheSourceLineOfEachAwait() {
        Trace trace = traceOf(TraceLevel.DETAILED, Coroutine.ofVoid("main", () -> {
            yieldNow();
            sleep(Duration.ofMillis(5));
        }));
        assertThat(trace.events()).filteredOn(e -> e.kind() == TraceEvent.Kind.SUSPENDED)
                .extracting(TraceEvent::source).containsExactly("TraceTest.java:139", "TraceTest.java:140");
        assertThat(trace.renderText()).contains("#1 0 s main suspended on a bare yield (TraceTest.java:139)\n");
        assertThat(traceOf(TraceLevel.DEFAULT, Coroutine.ofVoid(() -> yieldNow())).events())
                .extracting(TraceEvent::source).containsOnlyNulls();
    }

    @Test
    void chromeJsonHasOneTrackPerTaskAndASlicePerStep() {
        Trace trace = traceOf(TraceLevel.DEFAULT, Coroutine.ofVoid("main", () -> {
            mark("hi \"there\"");
            yieldNow();
        }));
        assertThat(trace.renderChromeJson()).isEqualTo("""
        {"displayTimeUnit":"ns","traceEvents":[{"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"main"}},
        {"name":"created","ph":"i","pid":1,"tid":1,"ts":0,"s":"t","args":{"step":0,"virtual_time":"0 s"}},
        {"name":"started","ph":"i","pid":1,"tid":1,"ts":1,"s":"t","args":{"step":1,"virtual_time":"0 s"}},
        {"name":"mark hi \\"there\\"","ph":"i","pid":1,"tid":1,"ts":1,"s":"t","args":{"step":1,"virtual_time":"0 s"}},
        {"name":"suspended on a bare yield","ph":"X","pid":1,"tid":1,"ts":1,"dur":1,"args":{"step":1,"virtual_time":"0 s"}},
        {"name":"resumed","ph":"i","pid":1,"tid":1,"ts":2,"s":"t","args":{"step":2,"virtual_time":"0 s"}},
        {"name":"finished with null","ph":"X","pid":1,"tid":1,"ts":2,"dur":1,"args":{"step":2,"virtual_time":"0 s"}}]}
        """);
    }

    @Test
    void aLoopWithoutTraceSaysHowToGetOne() {
        try (EventLoop loop = EventLoop.create()) {
            assertThatThrownBy(loop::trace).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Event loop 'loop' records no trace: build it with "
                            + "EventLoop.builder().trace(TraceLevel.DEFAULT).");
        }
    }

    @Test
    void firstDifferenceNamesWhereTwoTracesPart() {
        Trace a = traceOf(TraceLevel.DEFAULT, Coroutine.ofVoid("main", () -> mark("x")));
        Trace b = traceOf(TraceLevel.DEFAULT, Coroutine.ofVoid("main", () -> mark("y")));
        assertThat(a.firstDifference(a)).isEqualTo(-1);
        assertThat(a.firstDifference(b)).isEqualTo(2);
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }
}

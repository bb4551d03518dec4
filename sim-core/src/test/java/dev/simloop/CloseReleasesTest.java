package dev.simloop;

import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closing a loop releases what it made, even for a body that catches the close signal with catch (Throwable); on
 * the default strand of each run of the suite (Continuation, then baton).
 */
class CloseReleasesTest {

    @Test
    void aBodyThatCatchesTheCloseSignalAndSuspendsAgainIsUnwoundUntilItEnds() {
        List<String> seen = new ArrayList<>();
        Thread[] body = new Thread[1];
        EventLoop loop = EventLoop.builder().onProblem(p -> seen.add(p.kind().toString())).build();
        loop.createBackgroundTask("stubborn", Coroutine.ofVoid(() -> {
            body[0] = Thread.currentThread();
            try {
                sleep(Duration.ofHours(1));
            } catch (Throwable t) {
                seen.add("caught " + t.getClass().getSimpleName());
                try {
                    sleep(Duration.ofHours(1));
                } finally {
                    seen.add("second finally");
                }
            }
        }));
        loop.runCurrent();
        loop.close();
        assertThat(seen).containsExactly("caught Unwind", "second finally");
        if (loop.strandBackend() == StrandBackend.BATON) { // else the body ran on this thread
            assertThat(body[0].getState()).isEqualTo(Thread.State.TERMINATED);
        }
    }

    @Test
    void aBodyThatNeverLetsGoIsReportedAfterAHundredUnwinds() {
        List<LoopProblem> problems = new ArrayList<>();
        int[] caught = {0};
        EventLoop loop = EventLoop.builder().name("closing").onProblem(problems::add).build();
        loop.createBackgroundTask("stubborn", Coroutine.ofVoid(() -> {
            for (int i = 0; i < 150; i++) {
                try {
                    sleep(Duration.ofHours(1));
                } catch (Throwable t) {
                    caught[0]++;
                }
            }
        }));
        loop.runCurrent();
        loop.close();
        assertThat(caught[0]).isEqualTo(100);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(LoopProblem.Kind.SHUTDOWN_EXCEPTION);
            assertThat(p.message()).isEqualTo("Task 'stubborn' would not end when event loop 'closing' closed: its "
                    + "body caught the close signal (dev.simloop.Task$Unwind) 100 times and suspended again, so what "
                    + "it holds is never released. Catch Exception, not Throwable, around awaits.");
        });
    }
}

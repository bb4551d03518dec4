package dev.simloop.junit;

import static dev.simloop.Sim.sleep;
import static dev.simloop.junit.SimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimExtension.class)
class SimAssertionsTest {

    @Test
    void doneTaskPassesItsChecks(EventLoop loop) {
        Task<String> t = loop.createTask("pinger", Coroutine.of(() -> {
            sleep(Duration.ofSeconds(2));
            return "pong";
        }));
        loop.runUntilComplete(t);
        assertThat(t).isDone().hasResult("pong").completedAt(Duration.ofSeconds(2));
        assertThat(loop).hasVirtualTime(Duration.ofSeconds(2)).isIdle().hasNoPendingTasks();
    }

    @Test
    void pendingTaskFailsIsDoneSayingWhatItWaitsOn(EventLoop loop) {
        Task<String> t = loop.createTask("sleeper", Coroutine.of(() -> {
            sleep(Duration.ofSeconds(90));
            return "late";
        }));
        loop.runCurrent();
        assertThat(t).isPending();
        assertThatThrownBy(() -> assertThat(t).isDone()).isInstanceOf(AssertionError.class).hasMessage("""

                Expecting task:
                  Task[sleeper, pending]
                to be done, but it is still pending, waiting on sleep until 90 s""");
        assertThatThrownBy(() -> assertThat(loop).isIdle()).isInstanceOf(AssertionError.class).hasMessage("""

                Expecting event loop:
                  EventLoop[pendingTaskFailsIsDoneSayingWhatItWaitsOn, time 0 s, step 1]
                to be idle, but it has work scheduled; pending tasks:
                  'sleeper' waiting on sleep until 90 s""");
        t.cancel();
        loop.runUntilIdle();
        assertThat(t).isCancelled();
    }

    @Test
    void wrongResultAndFailureAreReportedInAssertJsLayout(EventLoop loop) {
        Task<String> failing = loop.createTask("failing", Coroutine.of(() -> {
            throw new IOException("disk full");
        }));
        Task<String> ok = loop.createTask("ok", Coroutine.of(() -> "a"));
        loop.runUntilIdle();
        assertThat(failing).failedWith(IOException.class);
        assertThatThrownBy(() -> assertThat(failing).hasResult("x")).hasMessage("""

                Expecting task:
                  Task[failing, done]
                to have the result:
                  x
                but it failed with java.io.IOException: disk full""");
        assertThatThrownBy(() -> assertThat(ok).hasResult("b")).hasMessage("""

                Expecting task:
                  Task[ok, done]
                to have the result:
                  b
                but it had:
                  a""");
        assertThatThrownBy(() -> assertThat(ok).completedAt(Duration.ofSeconds(1))).hasMessage("""

                Expecting task:
                  Task[ok, done]
                to have completed at virtual time PT1S, but it completed at PT0S""");
        assertThatThrownBy(() -> assertThat(ok).failedWith(IOException.class)).hasMessage("""

                Expecting task:
                  Task[ok, done]
                to have failed with java.io.IOException, but it finished with the result a""");
    }
}

package dev.simloop.junit;

import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Task;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fixtures for the explicit way in: an ordinary @Test drives the injected loop. */
@ExtendWith(SimExtension.class)
class ExplicitLoopTestCase {

    @Test
    void drivesTheLoopItself(EventLoop loop) {
        Task<String> t = loop.createTask("job", Coroutine.of(() -> {
            sleep(Duration.ofMinutes(5));
            return "done";
        }));
        loop.advanceBy(Duration.ofMinutes(4));
        assertThat(t.isDone()).isFalse();
        loop.advanceBy(Duration.ofMinutes(1));
        assertThat(t.result()).isEqualTo("done");
    }

    @Test
    void leavesItsTaskPending(EventLoop loop) {
        loop.createTask("unfinished", Coroutine.ofVoid(() -> sleep(Duration.ofDays(1))));
        loop.runCurrent();
    }
}

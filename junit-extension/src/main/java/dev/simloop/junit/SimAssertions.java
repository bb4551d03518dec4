package dev.simloop.junit;

import dev.simloop.EventLoop;
import dev.simloop.Task;
import dev.simloop.Trace;
import org.apiguardian.api.API;

/**
 * AssertJ entry points for simloop: {@code import static dev.simloop.junit.SimAssertions.assertThat;}.
 *
 * <pre>{@code
 * assertThat(task).isDone().hasResult("pong").completedAt(Duration.ofSeconds(2));
 * assertThat(loop).hasVirtualTime(Duration.ofMinutes(1)).isIdle();
 * assertThat(loop.trace()).hasMarksInOrder("read", "write").hasNoInterleavingBetween("read", "write");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimAssertions {
    private SimAssertions() {}

    /**
     * Assertions on a task.
     *
     * @param actual the task, may be null (then every check fails)
     * @param <T> the task's result type
     * @return the assertion
     */
    public static <T> TaskAssert<T> assertThat(Task<T> actual) {
        return new TaskAssert<>(actual);
    }

    /**
     * Assertions on a trace: marks in order, one mark before another, no interleaving between two marks, suspensions.
     *
     * @param actual the trace ({@code loop.trace()} or an injected {@code Supplier<Trace>}'s), may be null (then every
     *     check fails)
     * @return the assertion
     */
    public static TraceAssert assertThat(Trace actual) {
        return new TraceAssert(actual);
    }

    /**
     * Assertions on a loop.
     *
     * @param actual the loop, may be null (then every check fails)
     * @return the assertion
     */
    public static EventLoopAssert assertThat(EventLoop actual) {
        return new EventLoopAssert(actual);
    }
}

package dev.simloop.junit;

import dev.simloop.EventLoop;
import java.time.Duration;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link EventLoop}; made by {@link SimAssertions#assertThat(EventLoop)}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EventLoopAssert extends AbstractAssert<EventLoopAssert, EventLoop> {

    EventLoopAssert(EventLoop actual) {
        super(actual, EventLoopAssert.class);
    }

    /**
     * Checks the loop's virtual time.
     *
     * @param expected the time since the loop started, not null
     *
     * @return this assertion
     */
    public EventLoopAssert hasVirtualTime(Duration expected) {
        isNotNull();
        long now = actual.time();
        if (now != expected.toNanos()) {
            failWithMessage("%nExpecting event loop:%n  %s%nto be at virtual time %s, but it is at %s", actual,
                    expected, Duration.ofNanos(now));
        }
        return myself;
    }

    /**
     * Checks that no foreground work is scheduled (see {@link EventLoop#isIdle()}).
     *
     * @return this assertion
     */
    public EventLoopAssert isIdle() {
        isNotNull();
        if (!actual.isIdle()) {
            failWithMessage("%nExpecting event loop:%n  %s%nto be idle, but it has work scheduled; pending tasks:%n  %s",
                    actual, pendingTasks());
        }
        return myself;
    }

    /**
     * Checks that no task is pending, background tasks included.
     *
     * @return this assertion
     */
    public EventLoopAssert hasNoPendingTasks() {
        isNotNull();
        if (!actual.pendingTasks().isEmpty()) {
            failWithMessage("%nExpecting event loop:%n  %s%nto have no pending tasks, but these are:%n  %s", actual,
                    pendingTasks());
        }
        return myself;
    }

    private String pendingTasks() {
        return actual.pendingTasks().stream()
                .map(t -> "'" + t.name() + "' waiting on " + t.waitingOn())
                .collect(Collectors.joining(", "));
    }
}

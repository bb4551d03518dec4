package dev.simloop.junit;

import dev.simloop.Sim;
import dev.simloop.Task;
import dev.simloop.Trace;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Task}, in AssertJ's shape; extend it to add your own.
 *
 * @param <SELF> the concrete assertion type
 * @param <T> the task's result type
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class AbstractTaskAssert<SELF extends AbstractTaskAssert<SELF, T>, T>
        extends AbstractAssert<SELF, Task<T>> {

    /**
     * An assertion on {@code actual}, for subclasses.
     *
     * @param actual the task under test, may be null
     * @param selfType the concrete assertion class
     */
    protected AbstractTaskAssert(Task<T> actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Checks that the task is done: it has a result, an exception, or was cancelled.
     *
     * @return this assertion
     */
    public SELF isDone() {
        isNotNull();
        if (!actual.isDone()) {
            failWithMessage("%nExpecting task:%n  %s%nto be done, but it is still pending, waiting on %s",
                    actual, actual.waitingOn());
        }
        return myself;
    }

    /**
     * Checks that the task is still pending.
     *
     * @return this assertion
     */
    public SELF isPending() {
        isNotNull();
        if (actual.isDone()) {
            failWithMessage("%nExpecting task:%n  %s%nto be pending, but it is done", actual);
        }
        return myself;
    }

    /**
     * Checks that the task was cancelled.
     *
     * @return this assertion
     */
    public SELF isCancelled() {
        isDone();
        if (!actual.isCancelled()) {
            failWithMessage("%nExpecting task:%n  %s%nto be cancelled, but it %s", actual, outcome());
        }
        return myself;
    }

    /**
     * Checks that the task finished normally with {@code expected}.
     *
     * @param expected the result, may be null
     *
     * @return this assertion
     */
    public SELF hasResult(T expected) {
        isDone();
        if (actual.isCancelled() || actual.exception() != null) {
            failWithMessage("%nExpecting task:%n  %s%nto have the result:%n  %s%nbut it %s", actual, expected,
                    outcome());
        }
        if (!Objects.equals(actual.result(), expected)) {
            failWithMessage("%nExpecting task:%n  %s%nto have the result:%n  %s%nbut it had:%n  %s", actual,
                    expected, actual.result());
        }
        return myself;
    }

    /**
     * Checks that the task failed with an exception of {@code type} (or a subtype).
     *
     * @param type the exception type, not null
     *
     * @return this assertion
     */
    public SELF failedWith(Class<? extends Throwable> type) {
        isDone();
        Throwable e = actual.isCancelled() ? null : actual.exception();
        if (!type.isInstance(e)) {
            failWithMessage("%nExpecting task:%n  %s%nto have failed with %s, but it %s", actual, type.getName(),
                    outcome());
        }
        return myself;
    }

    /**
     * Checks that the task finished at exactly {@code virtualTime} since its loop started.
     *
     * @param virtualTime the expected virtual time, not null
     *
     * @return this assertion
     */
    public SELF completedAt(Duration virtualTime) {
        isDone();
        long at = actual.doneTime();
        if (at != virtualTime.toNanos()) {
            failWithMessage("%nExpecting task:%n  %s%nto have completed at virtual time %s, but it completed at %s",
                    actual, virtualTime, Duration.ofNanos(at));
        }
        return myself;
    }

    /**
     * Checks that the task suspended on {@code what} at some point, as the running loop's trace shows: call it inside
     * a running loop (a {@link SimTest} body or a coroutine), whose loop records a trace.
     *
     * @param what as traces print it: {@code "future 'reply'"}, {@code "task 'worker'"}, {@code "sleep 1 s"},
     *     {@code "a bare yield"}, or a primitive's wait: {@code "lock"}, {@code "event"}, {@code "condition"},
     *     {@code "semaphore"}, {@code "bounded semaphore"}, {@code "queue get"}, {@code "queue put"}; not null
     *
     * @return this assertion
     */
    public SELF wasSuspendedOn(String what) {
        isNotNull();
        Trace trace = Sim.currentLoop().trace();
        if (!TraceAssert.suspendedOn(trace, actual.id(), what)) {
            String s = TraceAssert.suspensions(trace, actual.id());
            failWithMessage("%nExpecting task:%n  %s%nto have been suspended on %s, but it %s", actual, what,
                    s.isEmpty() ? "never suspended" : "suspended only as follows" + s);
        }
        return myself;
    }

    private String outcome() {
        if (!actual.isDone()) {
            return "is still pending, waiting on " + actual.waitingOn();
        }
        if (actual.isCancelled()) {
            return "was cancelled";
        }
        Throwable e = actual.exception();
        return e != null ? "failed with " + e : "finished with the result " + actual.result();
    }
}

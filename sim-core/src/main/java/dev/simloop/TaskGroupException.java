package dev.simloop;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Thrown by {@link TaskGroup} when a child or the body failed; holds every failure, in the order they arrived
 * (asyncio's {@code ExceptionGroup('unhandled errors in a TaskGroup', ...)}).
 *
 * <p>Children's failures come in the order the children finished; the body's own failure, if any, comes last, as in
 * CPython. Each failure is also attached as a suppressed exception, so a stack trace shows them all.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class TaskGroupException extends SimException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> exceptions;

    /**
     * @param exceptions the failures in arrival order, not null, not empty
     */
    public TaskGroupException(List<Throwable> exceptions) {
        super(message(exceptions)); // no cause: like an ExceptionGroup, it holds its failures as equals
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : this.exceptions) {
            addSuppressed(t);
        }
    }

    private static String message(List<Throwable> exceptions) {
        StringBuilder sb = new StringBuilder("unhandled errors in a TaskGroup (").append(exceptions.size())
                .append(exceptions.size() == 1 ? " sub-exception)" : " sub-exceptions)");
        for (Throwable t : exceptions) {
            sb.append("\n  ").append(t);
        }
        return sb.append("\nEach failure is in exceptions(), in the order it arrived; catch the one you expect there.")
                .toString();
    }

    /** Every failure, in arrival order; never empty. */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}

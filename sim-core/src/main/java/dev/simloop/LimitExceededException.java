package dev.simloop;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A run passed its step limit or its virtual-time limit ({@link EventLoop.Builder#maxSteps},
 * {@link EventLoop.Builder#maxVirtualTime}).
 *
 * <p>The message names the limit, its value, and every task still running with what it waits on.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class LimitExceededException extends SimException {
    private static final long serialVersionUID = 1L;

    private final List<String> runningTasks;

    /**
     * @param message the full report, not null
     * @param runningTasks one line per task still running ("name waiting on what"), not null
     */
    public LimitExceededException(String message, List<String> runningTasks) {
        super(message);
        this.runningTasks = List.copyOf(java.util.Objects.requireNonNull(runningTasks, "runningTasks"));
    }

    /** One line per task still running when the limit was passed, in creation order. */
    public List<String> runningTasks() {
        return runningTasks;
    }
}

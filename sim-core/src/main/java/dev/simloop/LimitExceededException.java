package dev.simloop;

import java.util.List;
import java.util.Objects;
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

    private final List<String> pendingTasks;

    /**
     * @param message the full report, not null
     * @param pendingTasks one line per task still pending ("name waiting on what"), not null
     */
    public LimitExceededException(String message, List<String> pendingTasks) {
        super(message);
        this.pendingTasks = List.copyOf(Objects.requireNonNull(pendingTasks, "pendingTasks"));
    }

    /** One line per task still pending when the limit was passed: its name and what it waits on, in creation order (the name {@link DeadlockException#pendingTasks()} uses too). */
    public List<String> pendingTasks() {
        return pendingTasks;
    }
}

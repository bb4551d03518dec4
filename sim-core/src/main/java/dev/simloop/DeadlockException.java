package dev.simloop;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The awaited work can never finish: nothing is ready, no timer is pending, and it is still waiting.
 *
 * <p>The message names every pending task and what it waits on; {@link #pendingTasks()} gives the same as text.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class DeadlockException extends SimException {
    private static final long serialVersionUID = 1L;
    private final List<String> pendingTasks;

    /**
     * @param message the full report, not null
     * @param pendingTasks one line per pending task ("name waiting on what"), not null
     */
    public DeadlockException(String message, List<String> pendingTasks) {
        super(message);
        this.pendingTasks = List.copyOf(java.util.Objects.requireNonNull(pendingTasks, "pendingTasks"));
    }

    /** One line per task still pending: its name and what it waits on, in creation order. */
    public List<String> pendingTasks() {
        return pendingTasks;
    }
}

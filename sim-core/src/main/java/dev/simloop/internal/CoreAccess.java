package dev.simloop.internal;

import dev.simloop.EventLoop;
import dev.simloop.SimFuture;
import org.apiguardian.api.API;

/**
 * The few engine hooks that simloop's own packages outside {@code dev.simloop} need, without making them API: the
 * JDK's {@code SharedSecrets} pattern. {@code dev.simloop} implements it in a package-private class, installed when
 * {@link EventLoop} is initialised; the synchronisation primitives of {@code dev.simloop.sync} call it.
 *
 * <p>Not for users: it may change in any release.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public abstract class CoreAccess {

    /** The engine's implementation: written once, while {@link EventLoop} is initialised. */
    private static volatile CoreAccess installed;

    /** For the engine's implementation only. */
    protected CoreAccess() {
    }

    /**
     * Refuses a call from a thread that may not call into {@code loop} now, as every loop method does (the refusal is
     * also reported by the loop).
     *
     * @param loop the loop, not null
     * @throws WrongThreadException naming both threads
     */
    public abstract void checkThread(EventLoop loop);

    /**
     * A new pending future of the running loop whose waiter will operate on {@code resource}: the task it wakes
     * touches that shared resource, which the POS policy uses to find conflicting steps.
     *
     * @param loop the loop, not null
     * @param resource the primitive, not null
     * @param label what the task waits on, as traces and messages show it: "lock", "queue get", ...
     * @return the future, named {@code label}; a task waiting on it is "waiting on {label}", not on a future
     */
    public abstract SimFuture<Void> newWaiter(EventLoop loop, Object resource, String label);

    /** The engine's implementation, installed by {@link EventLoop}'s initialiser. */
    public static CoreAccess get() {
        if (installed == null) {
            try {
                Class.forName(EventLoop.class.getName(), true, EventLoop.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return installed;
    }

    /**
     * Installs the engine's implementation; once, by {@link EventLoop}'s initialiser.
     *
     * @param access the implementation
     */
    public static void install(CoreAccess access) {
        if (installed != null) {
            throw new IllegalStateException("CoreAccess is installed once, by EventLoop.");
        }
        installed = access;
    }
}

package dev.simloop;

import org.apiguardian.api.API;

/**
 * A step ran longer than the loop's wall-clock limit: code blocked the loop's thread ({@code Thread.sleep}, blocking
 * I/O, a busy loop) instead of awaiting.
 *
 * <p>Thrown by the running method once the blocking step returns; the stack trace of this exception is where the
 * step was blocked when the limit passed (also reported at that moment, so a step that never returns is seen).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class BlockedLoopException extends SimException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what blocked, for how long, and what to do, not null
     * @param blockedAt the stack of the blocked thread when the limit passed, not null
     */
    public BlockedLoopException(String message, StackTraceElement[] blockedAt) {
        super(message);
        setStackTrace(java.util.Objects.requireNonNull(blockedAt, "blockedAt"));
    }
}

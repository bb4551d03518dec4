package dev.simloop;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Something wrong that a loop noticed but that did not fail the call in progress: asyncio logs these, a test
 * should fail on them.
 *
 * <p>Handed, on the loop's thread, to the exception handler set with {@link EventLoop#setExceptionHandler} if there
 * is one, else to the default handler: the one set with {@link EventLoop.Builder#onProblem}, or by default a warning
 * logged through {@link System.Logger} ("dev.simloop").
 *
 * @param kind what kind of problem, not null
 * @param message what happened, with the names involved, and what to do, not null
 * @param cause the exception involved, or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LoopProblem(Kind kind, String message, Throwable cause) {

    /** Checks that the kind and the message are not null. */
    public LoopProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A {@link Kind#PENDING_TASK} problem: {@code task} was still pending at a point where it should have ended, e.g.
     * "Task 'b' was still pending when event loop 'loop' closed, waiting on sleep until 2 s. Await it or cancel it
     * before the loop closes, or make it a background task."
     *
     * @param task the pending task, not null; read on its loop's thread
     * @param when the point, completing "was still pending when ...": "event loop 'loop' closed"; not null
     * @param before the same point, completing "cancel it before ...": "the loop closes"; not null
     * @return the problem
     */
    public static LoopProblem pendingTask(Task<?> task, String when, String before) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(before, "before");
        return new LoopProblem(Kind.PENDING_TASK, "Task '" + task.name() + "' was still pending when " + when
                + ", waiting on " + task.waitingOn() + ". Await it or cancel it before " + before
                + ", or make it a background task.", null);
    }

    /** The kinds of problem. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Kind {
        /** A task other than a background one was still pending when its loop closed. */
        PENDING_TASK,
        /** A coroutine was created inside a running loop but never awaited nor wrapped in a task. */
        NEVER_AWAITED,
        /** A task or future failed and nobody retrieved its exception before the loop closed. */
        UNRETRIEVED_EXCEPTION,
        /** A plain callback ({@code callSoon}, {@code callLater}, a done-callback) threw. */
        CALLBACK_EXCEPTION,
        /** A task ended with an exception while {@code EventLoop.run} cancelled the leftover tasks. */
        SHUTDOWN_EXCEPTION,
        /**
         * Another thread called the loop (or a primitive bound to it) and was refused with a
         * {@link WrongThreadException}: reported even if that thread swallowed the exception.
         */
        FOREIGN_THREAD,
        /** Reported by code through {@link EventLoop#callExceptionHandler}, as asyncio code calls its handler. */
        REPORTED
    }
}

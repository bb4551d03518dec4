package dev.simloop;

import org.apiguardian.api.API;

/**
 * Something wrong that a loop noticed but that did not fail the call in progress: asyncio logs these, a test
 * should fail on them.
 *
 * <p>Handed to the handler set with {@link EventLoop.Builder#onProblem}, on the loop's thread; by default it is
 * logged as a warning through {@link System.Logger} ("dev.simloop").
 *
 * @param kind what kind of problem, not null
 * @param message what happened, with the names involved, and what to do, not null
 * @param cause the exception involved, or null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LoopProblem(Kind kind, String message, Throwable cause) {

    /** Checks that the kind and the message are not null. */
    public LoopProblem {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(message, "message");
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
        FOREIGN_THREAD
    }
}

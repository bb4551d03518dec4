package dev.simloop;

import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * What a {@link Task} and a {@link SimFuture} both answer: their state, their outcome and their cancellation
 * (asyncio's "Future-like" object, {@code asyncio.isfuture}).
 *
 * <p>Sealed over the two: {@link AsCompleted#nextDone()} and code that holds either kind reads it through this type.
 * Every method is for the loop's thread only.
 *
 * @param <T> the type of the result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public sealed interface FutureLike<T> extends Awaitable<T> permits FutureBase {

    /**
     * The name: a task's, or a future's as given or numbered by its loop.
     *
     * @return the name, not null
     */
    String name();

    /** Whether it has a result, an exception, or was cancelled. */
    boolean isDone();

    /**
     * Whether it was cancelled. A future that {@linkplain SimFuture#setException failed with} a
     * {@link CancelledException} (as a gather with a cancelled child does) is done, not cancelled.
     */
    boolean isCancelled();

    /**
     * The result; rethrows the exception it failed with, unchanged.
     *
     * @return the result, may be null
     * @throws CancelledException if it was cancelled
     * @throws InvalidStateException if it is not done yet
     */
    T result();

    /**
     * The exception it failed with, or null if it has a result.
     *
     * @return the exception, may be null
     * @throws CancelledException if it was cancelled
     * @throws InvalidStateException if it is not done yet
     */
    Throwable exception();

    /**
     * The message it was cancelled with, as the {@link CancelledException} its awaiters get carries it.
     *
     * @return the message, null if it was cancelled without one
     * @throws InvalidStateException if it is not cancelled
     */
    String cancelMessage();

    /**
     * Requests cancellation without a message; see {@link #cancel(String)}.
     *
     * @return false if it was already done, true otherwise
     */
    boolean cancel();

    /**
     * Requests cancellation: a future is cancelled at once, a task at its next suspension ({@link Task#cancel(String)}).
     *
     * @param message the message its awaiters' {@link CancelledException} carries, may be null
     * @return false if it was already done, true otherwise
     */
    boolean cancel(String message);

    /**
     * A {@link CompletableFuture} that completes with this one's outcome, for code outside the loop.
     *
     * @return a new CompletableFuture
     */
    CompletableFuture<T> toCompletableFuture();
}

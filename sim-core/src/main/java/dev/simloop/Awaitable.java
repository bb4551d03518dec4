package dev.simloop;

import org.apiguardian.api.API;

/**
 * Something a coroutine can {@link Sim#await await}: a {@link Coroutine}, or a {@link FutureLike} (a {@link Task} or
 * a {@link SimFuture}).
 *
 * <p>Sealed: {@code await} knows how to suspend on each kind. A {@link java.util.concurrent.CompletionStage} (a
 * {@code CompletableFuture}) has its own overload, {@link Sim#await(java.util.concurrent.CompletionStage)}; to await
 * something else, resolve a {@link SimFuture} from its completion.
 *
 * @param <T> the type of the result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Awaitable<T> permits Coroutine, FutureLike {
}

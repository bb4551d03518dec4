/**
 * asyncio's synchronisation primitives and queues, for coroutines of one loop: {@link dev.simloop.sync.Lock},
 * {@link dev.simloop.sync.Event}, {@link dev.simloop.sync.Condition}, {@link dev.simloop.sync.Semaphore},
 * {@link dev.simloop.sync.BoundedSemaphore}, {@link dev.simloop.sync.Barrier}, and {@link dev.simloop.sync.Queue}
 * with its {@link dev.simloop.sync.PriorityQueue} and {@link dev.simloop.sync.LifoQueue} variants.
 *
 * <p>Fair as in CPython 3.13: waiters are served first come, first served. Each binds to the loop where it first
 * waits and refuses any other, and checks the calling thread before it changes any state. asyncio's {@code wait()}
 * and {@code notify()} are {@code await()} and {@code signal()} here, because {@code Object}'s methods of those names
 * are final. The names are asyncio's, so {@code Queue} and {@code Lock} share their simple names with
 * {@code java.util.Queue} and {@code java.util.concurrent.locks.Lock}: import them by their full names where both
 * are needed (docs/decisions.md says why).
 *
 * <p>This package uses the engine's public API, and {@link dev.simloop.internal.CoreAccess} for the thread check and
 * for waiters that name their primitive (the POS policy's shared resource); the engine does not depend on it.
 */
package dev.simloop.sync;

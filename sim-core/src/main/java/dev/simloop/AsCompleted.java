package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The results of several awaitables in the order they complete (asyncio's {@code as_completed}).
 *
 * <pre>{@code
 * AsCompleted<String> replies = Sim.asCompleted(List.of(a, b, c), Duration.ofSeconds(5));
 * while (replies.hasNext()) {
 *     String reply = replies.next();      // suspends until the next one completes
 * }
 * }</pre>
 *
 * <p>Coroutines become tasks at once. {@link #next()} waits for the next completion and returns its result or
 * throws its exception; {@link #nextDone()} returns the completed task or future itself, as 3.13's
 * {@code async for} does. Once the timeout has passed, every remaining call throws {@link SimTimeoutException}.
 * Nothing is cancelled. Completions come out in the order their done-callbacks ran, which is the order in which
 * they completed. It is also an {@link Iterable} of coroutines, as asyncio's plain iterator
 * ({@code for (Coroutine<T> c : it) { T r = await(c); }}); iterate it once, by one of these means.
 *
 * @param <T> the type of the results
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AsCompleted<T> implements Iterable<Coroutine<T>> {

    /** Marks, in {@link #done}, an awaitable that had not completed when the timeout passed. */
    private static final Object TIMED_OUT = new Object();

    /** Completed futures in the order they completed, then a {@link #TIMED_OUT} per remaining one. */
    private final ArrayDeque<Object> done = new ArrayDeque<>();
    /** The calls waiting for a completion, first come first served. */
    private final ArrayDeque<SimFuture<Void>> waiters = new ArrayDeque<>();
    /** Not yet completed, in argument order; emptied by the timeout. */
    private final LinkedHashSet<FutureBase<? extends T>> todo = new LinkedHashSet<>();
    private final Consumer<Object> onCompletion = this::completed;
    private final Duration timeout;
    private TimerHandle timer;
    private int left;

    AsCompleted(List<? extends Awaitable<? extends T>> awaitables, Duration timeout) {
        this.timeout = timeout;
        IdentityHashMap<Awaitable<?>, Boolean> seen = new IdentityHashMap<>();
        List<FutureBase<? extends T>> futures = new ArrayList<>();
        for (Awaitable<? extends T> a : awaitables) {
            if (seen.put(a, Boolean.TRUE) == null) {
                futures.add(Futures.ensureFuture(a));
            }
        }
        todo.addAll(futures);
        for (FutureBase<? extends T> f : futures) {
            f.addCallback(onCompletion);
        }
        if (!todo.isEmpty() && timeout != null) {
            timer = Sim.currentLoop().callLater(timeout, this::timedOut);
        }
        left = todo.size();
    }

    private void completed(Object f) {
        if (todo.isEmpty()) {
            return; // the timeout came first
        }
        todo.remove(f);
        done.addLast(f);
        wakeUpNext();
        if (todo.isEmpty() && timer != null) {
            timer.cancel();
        }
    }

    private void timedOut() {
        for (FutureBase<? extends T> f : todo) {
            f.removeCallback(onCompletion);
            done.addLast(TIMED_OUT);
            wakeUpNext();
        }
        todo.clear();
    }

    /** Whether a call to {@link #next()} remains (one per distinct awaitable). */
    public boolean hasNext() {
        return left > 0;
    }

    /**
     * Waits for the next completion and returns its result.
     *
     * @return the result, may be null
     * @throws SimTimeoutException if the timeout passed first
     * @throws NoSuchElementException if every awaitable was already returned
     */
    public T next() {
        take();
        return waitForOne().result();
    }

    /**
     * Waits for the next completion and returns the task or future that completed (a coroutine's task).
     *
     * @return the done task or future
     * @throws SimTimeoutException if the timeout passed first
     * @throws NoSuchElementException if every awaitable was already returned
     */
    public FutureLike<? extends T> nextDone() {
        take();
        return waitForOne();
    }

    private void take() {
        if (left == 0) {
            throw new NoSuchElementException("asCompleted: every awaitable was already returned; check hasNext().");
        }
        left--;
    }

    private FutureBase<? extends T> waitForOne() {
        while (done.isEmpty()) {
            SimFuture<Void> waiter = Sim.currentLoop().createFuture();
            waiters.addLast(waiter);
            try {
                Sim.await(waiter);
            } catch (Throwable t) {
                waiters.remove(waiter);
                if (!done.isEmpty()) {
                    wakeUpNext(); // woken for a completion it will not take: pass the turn on
                }
                throw t;
            }
        }
        Object next = done.pollFirst();
        if (next == TIMED_OUT) {
            throw new SimTimeoutException("asCompleted timed out: " + VirtualTimes.format(VirtualTimes.nanos(timeout))
                    + " of virtual time passed before this awaitable completed. Give asCompleted a longer timeout, or "
                    + "handle the awaitables that did not finish (they were not cancelled).", null);
        }
        @SuppressWarnings("unchecked")
        FutureBase<? extends T> f = (FutureBase<? extends T>) next;
        return f;
    }

    /** Wakes the first call still waiting for a completion. */
    private void wakeUpNext() {
        SimFuture<Void> waiter;
        while ((waiter = waiters.pollFirst()) != null) {
            if (!waiter.isDone()) {
                waiter.setResult(null);
                return;
            }
        }
    }

    /** asyncio's plain iteration: each element is a coroutine that awaits the next completion. */
    @Override
    public Iterator<Coroutine<T>> iterator() {
        return new Iterator<>() {
            public boolean hasNext() {
                return left > 0;
            }

            public Coroutine<T> next() {
                take();
                return Coroutine.of("asCompleted next", () -> waitForOne().result());
            }
        };
    }
}

package dev.simloop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** asyncio's {@code wait}: suspends until a condition on a set of tasks holds or a timeout passes; never cancels. */
final class Wait {
    private Wait() {}

    static <A extends Awaitable<?>> DoneAndPending<A> await(Collection<A> awaitables, ReturnWhen when,
            Duration timeout) {
        Objects.requireNonNull(awaitables, "awaitables");
        Objects.requireNonNull(when, "when");
        if (awaitables.isEmpty()) {
            throw new IllegalArgumentException("wait() was given an empty collection of tasks and futures: there is "
                    + "nothing to wait for. Check the collection before calling wait.");
        }
        LinkedHashSet<A> set = new LinkedHashSet<>(awaitables);
        List<FutureBase<?>> futures = new ArrayList<>(set.size());
        for (A a : set) {
            if (a instanceof Coroutine<?> c) {
                throw new IllegalArgumentException("wait() was given " + c.describe() + ": passing coroutines is "
                        + "forbidden, as in asyncio. Wrap each in a task with createTask(...) first.");
            }
            futures.add((FutureBase<?>) Objects.requireNonNull(a, "awaitable"));
        }
        EventLoop loop = Sim.currentLoop();
        SimFuture<Void> waiter = loop.createFuture("wait");
        TimerHandle timer = timeout == null ? null : loop.callLater(timeout, () -> Futures.releaseWaiter(waiter));
        int[] counter = {futures.size()};
        Consumer<Object> onCompletion = o -> {
            FutureBase<?> f = (FutureBase<?>) o;
            counter[0]--;
            if (counter[0] <= 0 || when == ReturnWhen.FIRST_COMPLETED
                    || when == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled() && f.exception() != null) {
                if (timer != null) {
                    timer.cancel();
                }
                Futures.releaseWaiter(waiter);
            }
        };
        for (FutureBase<?> f : futures) {
            f.addCallback(onCompletion);
        }
        try {
            Sim.await(waiter);
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            for (FutureBase<?> f : futures) {
                f.removeCallback(onCompletion);
            }
        }
        LinkedHashSet<A> done = new LinkedHashSet<>();
        LinkedHashSet<A> pending = new LinkedHashSet<>();
        for (A a : set) {
            (((FutureBase<?>) a).isDone() ? done : pending).add(a);
        }
        return new DoneAndPending<>(Collections.unmodifiableSet(done), Collections.unmodifiableSet(pending));
    }
}

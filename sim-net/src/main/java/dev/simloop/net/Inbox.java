package dev.simloop.net;

import dev.simloop.EventLoop;
import dev.simloop.Sim;
import dev.simloop.SimFuture;
import java.util.ArrayDeque;

/**
 * What a receiver waits on: items not yet taken, and the futures of tasks waiting for one, both in arrival order.
 *
 * <p>Invariant: {@code items} and {@code waiters} are never both non-empty (an offer hands its item to the oldest
 * waiter that is still pending). A waiter whose task was cancelled (by a timeout or a crash) is skipped.
 */
final class Inbox<T> {
    private final EventLoop loop;
    /** The name of the futures waiting tasks suspend on, as traces show it. */
    private final String waitName;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<SimFuture<T>> waiters = new ArrayDeque<>();
    /** Set once: every later take throws it. */
    private NetException failure;

    Inbox(EventLoop loop, String waitName) {
        this.loop = loop;
        this.waitName = waitName;
    }

    void offer(T item) {
        if (failure != null) {
            return;
        }
        SimFuture<T> waiter;
        while ((waiter = waiters.poll()) != null) {
            if (!waiter.isDone()) {
                waiter.setResult(item);
                return;
            }
        }
        items.add(item);
    }

    /** The next item, suspending the current task until one arrives; throws the failure once failed. */
    T take() {
        if (failure != null) {
            throw failure;
        }
        T item = items.poll();
        if (item != null) {
            return item;
        }
        SimFuture<T> waiter = loop.createFuture(waitName);
        waiters.add(waiter);
        return Sim.await(waiter);
    }

    /** The next item if one is there, or null; never suspends. */
    T poll() {
        if (failure != null) {
            throw failure;
        }
        return items.poll();
    }

    int size() {
        return items.size();
    }

    /** Drops the items and fails every waiter and every later take with {@code exception}. */
    void fail(NetException exception) {
        if (failure != null) {
            return;
        }
        failure = exception;
        items.clear();
        SimFuture<T> waiter;
        while ((waiter = waiters.poll()) != null) {
            if (!waiter.isDone()) {
                waiter.setException(exception);
            }
        }
    }
}

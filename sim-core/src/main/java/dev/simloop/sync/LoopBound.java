package dev.simloop.sync;

import dev.simloop.EventLoop;
import dev.simloop.Sim;
import dev.simloop.SimFuture;
import dev.simloop.internal.CoreAccess;
import java.util.Collection;

/**
 * The loop a synchronisation primitive or queue belongs to: asyncio's {@code _LoopBoundMixin}.
 *
 * <p>A primitive binds to the running loop the first time it has to wait there, and refuses to wait on any other
 * loop afterwards. A lock or queue kept in a static field, or in a test instance that several seeds share, would
 * otherwise carry the waiters of one run into the next; this says so at once instead.
 */
final class LoopBound {

    private static final CoreAccess ENGINE = CoreAccess.get();

    /** The loop of the first wait, or null before it; never changes once set. */
    private EventLoop loop;

    /**
     * Refuses a call from a thread other than the bound loop's, before the primitive changes any state: a refused
     * call must leave it as it was. Does nothing before the first wait (no loop to belong to yet).
     *
     * @throws WrongThreadException naming both threads
     */
    void checkThread() {
        if (loop != null) {
            ENGINE.checkThread(loop);
        }
    }

    /** Whether the bound loop was closed: a closing loop unwinds its tasks, and nothing can be awaited any more. */
    boolean loopClosed() {
        return loop != null && loop.isClosed();
    }

    /**
     * A new waiter future on the running loop, binding {@code owner} to it on first use; the task it wakes will
     * operate on {@code owner}, its shared resource for the policies.
     *
     * @param owner the primitive, for the message
     * @param label what the task waits on, for traces and messages: "lock", "event", "queue get", ...
     * @return a pending future of the running loop
     * @throws IllegalStateException if {@code owner} is bound to another loop
     */
    SimFuture<Void> newWaiter(Object owner, String label) {
        EventLoop current = Sim.currentLoop();
        if (loop == null) {
            loop = current;
        } else if (loop != current) {
            throw new IllegalStateException("This " + owner.getClass().getSimpleName() + " is bound to event loop '"
                    + loop.name() + "', where it first waited, and cannot wait on event loop '" + current.name()
                    + "'. Make one per loop: create it inside the test body or the run, not in a static field or a "
                    + "field that several runs share.");
        }
        return ENGINE.newWaiter(current, owner, label);
    }

    /** Waits on {@code f} in line with {@code waiters}: in the line while it waits, out of it however it ends. */
    static void awaitInLine(Collection<SimFuture<Void>> waiters, SimFuture<Void> f) {
        waiters.add(f);
        try {
            Sim.await(f);
        } finally {
            waiters.remove(f);
        }
    }

    /** Wakes {@code waiter} unless it is done already (cancelled, or woken before). */
    static void release(SimFuture<?> waiter) {
        if (!waiter.isDone()) {
            waiter.setResult(null);
        }
    }
}

package dev.simloop.sync;

import dev.simloop.SimFuture;
import java.util.ArrayList;
import org.apiguardian.api.API;

/**
 * A flag that tasks can wait for (asyncio's {@code Event}): {@link #await()} returns once it is set.
 *
 * <p>{@link #set()} wakes every waiting task, in the order they started waiting. asyncio's {@code wait()} is called
 * {@code await()} here, as in {@code java.util.concurrent}, because {@code Object.wait()} is final. Not thread-safe:
 * use it from the tasks of one loop.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Event {

    /** The loop this waits on; bound at the first wait. */
    private final LoopBound bound = new LoopBound();

    private final ArrayList<SimFuture<Void>> waiters = new ArrayList<>();
    private boolean value;

    /** A new event, not set. */
    public Event() {}

    /** Whether the flag is set. */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes every waiting task; does nothing if it is set already. */
    public void set() {
        bound.checkThread();
        if (!value) {
            value = true;
            for (SimFuture<Void> f : waiters) {
                LoopBound.release(f);
            }
        }
    }

    /** Clears the flag: later calls of {@link #await()} wait again. */
    public void clear() {
        bound.checkThread();
        value = false;
    }

    /** Waits until the flag is set; returns at once, without suspending, if it is set already. */
    public void await() {
        if (value) {
            return;
        }
        SimFuture<Void> f = bound.newWaiter(this, "event");
        LoopBound.awaitInLine(waiters, f);
    }
}

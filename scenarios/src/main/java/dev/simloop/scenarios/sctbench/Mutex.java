package dev.simloop.scenarios.sctbench;

import static dev.simloop.Sim.await;

import dev.simloop.Sim;
import dev.simloop.SimFuture;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code pthread_mutex_t} of a ported C program, with the semantics a controlled scheduler gives it: while it is
 * held, a thread that locks it is blocked; an unlock makes every blocked thread runnable again, and whichever the
 * scheduler runs first takes the mutex (the others block again). There is no queue and no hand-off, so a thread may
 * take the mutex ahead of threads that blocked on it earlier, as with a default pthread mutex. (simloop's own
 * {@link dev.simloop.sync.Lock} is asyncio's: fair, first come first served, which rules out orders that C programs can
 * take.) Not re-entrant: a thread that locks it twice blocks on itself; and, as none of the programs relies on one,
 * it has no owner.
 */
final class Mutex {
    private final String name;
    private boolean locked;
    /** One future per blocked thread, completed by the next unlock. */
    private final List<SimFuture<Void>> blocked = new ArrayList<>();

    /**
     * A mutex, not held.
     *
     * @param name the mutex's name in the C source
     */
    Mutex(String name) {
        this.name = name;
    }

    /** {@code pthread_mutex_lock}: a scheduling point, then takes the mutex, blocking while another thread holds it. */
    void lock() {
        Shared.access(name);
        while (locked) {
            SimFuture<Void> unlocked = Sim.currentLoop().createFuture();
            blocked.add(unlocked);
            await(unlocked);
        }
        locked = true;
    }

    /** {@code pthread_mutex_unlock}: a scheduling point, then releases the mutex and unblocks every blocked thread. */
    void unlock() {
        Shared.access(name);
        locked = false;
        for (SimFuture<Void> f : blocked) {
            f.setResult(null);
        }
        blocked.clear();
    }
}

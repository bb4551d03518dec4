package dev.simloop;

import java.util.IdentityHashMap;
import java.util.SplittableRandom;

/**
 * {@link Policy#pos()}: partial order sampling (Yuan, Yang, Gu, CAV 2018). Each ready callback gets an independent
 * random priority when it is first a candidate; the highest runs. After it ran, every candidate that conflicts with it
 * (the same {@linkplain Handle#resource shared resource}: a {@link Sim#yieldNow(Object)} name, or the lock, queue,
 * event or semaphore it waited on) draws a new priority. That reset is what makes POS sample partial orders rather
 * than interleavings: the order of two steps on different resources does not matter, so only racing steps are
 * reshuffled, and each race is decided afresh, however long one side has waited.
 *
 * <p>Without resource names (plain {@code yieldNow()}, timers, plain callbacks) nothing conflicts and POS samples a
 * random order from fixed priorities, which is close to {@link RandomScheduler} but keeps a task that drew a low
 * priority waiting longer. Reads and writes are not told apart: two accesses to one resource always conflict, which
 * resets more than needed and never misses a race. The map is looked up by identity, never iterated.
 */
final class PosScheduler extends Scheduler {

    private final SplittableRandom random;
    private final IdentityHashMap<Handle, Long> priorities = new IdentityHashMap<>();

    PosScheduler(SplittableRandom random) {
        this.random = random;
    }

    @Override
    int pick(Handle[] candidates, int n, long step) {
        int best = 0;
        long bestPriority = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long p = priorities.computeIfAbsent(candidates[i], h -> random.nextLong());
            if (p > bestPriority) {
                best = i;
                bestPriority = p;
            }
        }
        Handle chosen = candidates[best];
        priorities.remove(chosen);
        Object resource = chosen.resource;
        if (resource != null) {
            for (int i = 0; i < n; i++) {
                if (i != best && resource.equals(candidates[i].resource)) {
                    priorities.put(candidates[i], random.nextLong());
                }
            }
        }
        return best;
    }

    @Override
    String name() {
        return "POS";
    }
}

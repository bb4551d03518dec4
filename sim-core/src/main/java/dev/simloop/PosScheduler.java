package dev.simloop;

import java.util.IdentityHashMap;
import java.util.SplittableRandom;

/**
 * {@link Policy#pos()}: partial order sampling (Yuan et al., CAV 2018) without race information. Each callback gets
 * an independent random priority when it is first a candidate and keeps it until it runs; the highest runs.
 *
 * <p>POS resets the priorities of the events that race with the one that ran. The loop does not know which callbacks
 * touch the same state, so none is reset: within an iteration this samples a uniformly random order, as
 * {@link RandomScheduler} does, from different draws (fray's POS keeps a priority per thread and redraws it when the
 * thread runs, which under one-step-per-task iterations is the same distribution). It is kept so that sweeps and the
 * portfolio can name it, and so that race information, once the loop has it, has a place to go. The map is looked
 * up by identity, never iterated.
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
        priorities.remove(candidates[best]);
        return best;
    }

    @Override
    String name() {
        return "POS";
    }
}

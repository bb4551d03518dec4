package dev.simloop;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.SplittableRandom;

/**
 * {@link Policy#pct(int, long)}: probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010).
 *
 * <p>Every task gets a random priority above {@code depth} when it is created; a callback that belongs to no task
 * gets one when it is first a candidate. The candidate with the highest priority runs. Before the run,
 * {@code depth - 1} change points are drawn uniformly from steps {@code [1, k]}; when step {@code k_i} is about to
 * run, the owner of the candidate that would run gets priority {@code depth - i}, below every initial one, and the
 * pick is made again. For a bug of depth d among n tasks this finds it with probability at least
 * {@code 1 / (n k^(d-1))}.
 */
final class PctScheduler extends Scheduler {

    private final SplittableRandom random;
    private final int depth;
    private final long k;
    /** The steps at which a priority drops, ascending; {@link #nextChange} indexes the next one. */
    private final long[] changePoints;
    private int nextChange;
    /** Priority by task id; 0 for ids not seen. */
    private long[] taskPriority = new long[16];
    /** Priorities of callbacks that belong to no task; looked up by identity, never iterated. */
    private final IdentityHashMap<Handle, Long> callbackPriority = new IdentityHashMap<>();

    PctScheduler(SplittableRandom random, int depth, long k) {
        this.random = random;
        this.depth = depth;
        this.k = k;
        changePoints = new long[depth - 1];
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + random.nextLong(k);
        }
        Arrays.sort(changePoints);
    }

    @Override
    void taskCreated(Task<?> task) {
        if (task.id >= taskPriority.length) {
            taskPriority = Arrays.copyOf(taskPriority, Math.max(task.id + 1, taskPriority.length * 2));
        }
        taskPriority[task.id] = initialPriority();
    }

    private long initialPriority() {
        return random.nextLong(depth + 1L, Long.MAX_VALUE);
    }

    @Override
    int pick(Handle[] candidates, int n, long step) {
        int best = highest(candidates, n);
        while (nextChange < changePoints.length && changePoints[nextChange] == step) {
            nextChange++;
            setPriority(candidates[best], depth - nextChange);
            best = highest(candidates, n);
        }
        if (candidates[best].task == null) {
            callbackPriority.remove(candidates[best]); // it runs now and is never a candidate again
        }
        return best;
    }

    private int highest(Handle[] candidates, int n) {
        int best = 0;
        long bestPriority = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long p = priority(candidates[i]);
            if (p > bestPriority) {
                best = i;
                bestPriority = p;
            }
        }
        return best;
    }

    private long priority(Handle h) {
        Task<?> t = h.task;
        return t != null ? taskPriority[t.id] : callbackPriority.computeIfAbsent(h, x -> initialPriority());
    }

    private void setPriority(Handle h, long p) {
        if (h.task != null) {
            taskPriority[h.task.id] = p;
        } else {
            callbackPriority.put(h, p);
        }
    }

    @Override
    String name() {
        return "PCT(depth=" + depth + ", k=" + k + ")";
    }
}

package dev.simloop;

import java.util.SplittableRandom;

/**
 * The seeded randomness of one run: the builder's seed split into the scheduler's source, the source for user code
 * ({@link EventLoop#random()}) and the fault points ({@link EventLoop#buggify(String)}), so that draws from one never
 * move another. The order of the splits is part of what a seed replays: changing it changes every seeded run.
 * Made once by {@link EventLoop}'s constructor; the loop hands the scheduler to its {@link ReadyQueue} and keeps
 * the rest.
 */
final class SeededSources {

    /** The seed the loop was built with (0 unless set). */
    final long seed;
    /** The policy's scheduler on the first split; null for {@link Policy#FIFO}. */
    final Scheduler scheduler;
    /** The source for user code: the second split. */
    final SplittableRandom userRandom;
    /** The run's fault points on the third split; null under FIFO, where buggify never fires. */
    final Buggify buggify;

    SeededSources(long seed, Policy policy) {
        this.seed = seed;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom schedulerRandom = root.split();
        this.userRandom = root.split();
        this.buggify = policy == Policy.FIFO ? null : new Buggify(root.split());
        this.scheduler = policy.newScheduler(schedulerRandom);
    }
}

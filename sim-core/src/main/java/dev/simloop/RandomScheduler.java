package dev.simloop;

import java.util.SplittableRandom;

/** {@link Policy#random()}: each step runs a candidate drawn uniformly. */
final class RandomScheduler extends Scheduler {

    private final SplittableRandom random;

    RandomScheduler(SplittableRandom random) {
        this.random = random;
    }

    @Override
    int pick(Handle[] candidates, int n, long step) {
        return n == 1 ? 0 : random.nextInt(n);
    }

    @Override
    String name() {
        return "RANDOM";
    }
}

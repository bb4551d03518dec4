package dev.simloop;

import java.util.HashMap;
import java.util.SplittableRandom;

/**
 * The fault points of one run ({@link EventLoop#buggify(String)}), in the style of FoundationDB's {@code BUGGIFY}:
 * each point is enabled for the run with probability 1/4 when the run first reaches it, and an enabled point fires
 * with probability 1/4 each time. Not made under FIFO, where no point ever fires.
 */
final class Buggify {

    private final SplittableRandom random;
    /** Whether each point reached so far is enabled; looked up by name only, never iterated. */
    private final HashMap<String, Boolean> enabled = new HashMap<>();

    Buggify(SplittableRandom random) {
        this.random = random;
    }

    boolean fires(String name) {
        Boolean on = enabled.get(name);
        if (on == null) {
            on = random.nextInt(4) == 0;
            enabled.put(name, on);
        }
        return on && random.nextInt(4) == 0;
    }
}

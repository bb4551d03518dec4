package dev.simloop;

import java.util.Arrays;

/** The decisions of one run as they are taken: growable arrays, no boxing. */
final class DecisionLog {

    private int[] choices = new int[64];
    private int[] options = new int[64];
    private int size;
    private long[] delaySteps = new long[8];
    private int delays;
    /**
     * For a search ({@link Scheduler#recordsFrontier}): per decision, the positions of the candidates never passed over
     * before it, flat in {@link #fresh}, decision i's from {@code freshFrom[i]} to {@code freshFrom[i + 1]}; null
     * otherwise.
     */
    private int[] fresh;
    private int[] freshFrom;
    private int freshSize;
    /** How many fresh positions a decision records at most: the search's remaining delays plus one. */
    private final int freshCap;

    /** @param frontierCap the most fresh positions to record per decision, 0 to record none */
    DecisionLog(int frontierCap) {
        this.freshCap = frontierCap;
        if (frontierCap > 0) {
            fresh = new int[64];
            freshFrom = new int[65];
        }
    }

    boolean recordsFrontier() {
        return fresh != null;
    }

    /**
     * Records which of decision {@code size - 1}'s candidates had never been passed over (before its pick), the first
     * {@link #freshCap} of them: a pick past more would cost more delays than the search has left.
     */
    void addFresh(Handle[] candidates, int n) {
        for (int i = 0, recorded = 0; i < n && recorded < freshCap; i++) {
            if (!candidates[i].passedOver) {
                if (freshSize == fresh.length) {
                    fresh = Arrays.copyOf(fresh, freshSize * 2);
                }
                fresh[freshSize++] = i;
                recorded++;
            }
        }
        if (size >= freshFrom.length) {
            freshFrom = Arrays.copyOf(freshFrom, freshFrom.length * 2);
        }
        freshFrom[size] = freshSize;
    }

    /** Step {@code step} passed over {@code count} callbacks that had never been passed over. */
    void addDelays(long step, int count) {
        for (int i = 0; i < count; i++) {
            if (delays == delaySteps.length) {
                delaySteps = Arrays.copyOf(delaySteps, delays * 2);
            }
            delaySteps[delays++] = step;
        }
    }

    void add(int choice, int n) {
        if (size == choices.length) {
            choices = Arrays.copyOf(choices, size * 2);
            options = Arrays.copyOf(options, size * 2);
        }
        choices[size] = choice;
        options[size++] = n;
    }

    Decisions toDecisions(long seed, String policy, boolean perIteration) {
        Decisions d = new Decisions(seed, policy, perIteration, Arrays.copyOf(choices, size),
                Arrays.copyOf(options, size), Arrays.copyOf(delaySteps, delays));
        if (fresh != null) {
            d.frontier = new Decisions.Frontier(Arrays.copyOf(fresh, freshSize), Arrays.copyOf(freshFrom, size + 1));
        }
        return d;
    }
}

package dev.simloop;

import java.util.Arrays;

/** The decisions of one run as they are taken: growable arrays, no boxing. */
final class DecisionLog {

    private int[] choices = new int[64];
    private int[] options = new int[64];
    private int size;
    /** The steps of the first {@link Decisions#RECORDED_DELAYS} delays; null until the first. */
    private long[] delaySteps;
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

    /** Whether the frontier holds each decision's base pick (a preemption-bounded search) instead of fresh positions. */
    private final boolean preemptions;

    /**
     * @param frontierCap the most fresh positions to record per decision, 0 to record none
     * @param preemptions whether to record base picks instead (see {@link #addBasePick})
     */
    DecisionLog(int frontierCap, boolean preemptions) {
        this.freshCap = frontierCap;
        this.preemptions = preemptions;
        if (frontierCap > 0) {
            fresh = new int[64];
            freshFrom = new int[65];
        }
    }

    boolean recordsFrontier() {
        return fresh != null;
    }

    /** Records the base order's pick at decision {@code size - 1}: the one pick there that costs no preemption. */
    void addBasePick(int index) {
        appendPosition(index);
        endFrontierDecision();
    }

    /**
     * Records which of decision {@code size - 1}'s candidates had never been passed over (before its pick), the first
     * {@link #freshCap} of them: a pick past more would cost more delays than the search has left.
     */
    void addFresh(boolean[] passed, int n) {
        for (int i = 0, recorded = 0; i < n && recorded < freshCap; i++) {
            if (!passed[i]) {
                appendPosition(i);
                recorded++;
            }
        }
        endFrontierDecision();
    }

    private void appendPosition(int position) {
        if (freshSize == fresh.length) {
            fresh = Arrays.copyOf(fresh, freshSize * 2);
        }
        fresh[freshSize++] = position;
    }

    /** Closes decision {@code size - 1}'s positions: the next decision's start where this one's end. */
    private void endFrontierDecision() {
        if (size >= freshFrom.length) {
            freshFrom = Arrays.copyOf(freshFrom, freshFrom.length * 2);
        }
        freshFrom[size] = freshSize;
    }

    /** Step {@code step} passed over {@code count} callbacks that had never been passed over. */
    void addDelays(long step, int count) {
        if (delaySteps == null) {
            delaySteps = new long[Decisions.RECORDED_DELAYS];
        }
        for (int i = 0; i < count && delays + i < delaySteps.length; i++) {
            delaySteps[delays + i] = step;
        }
        delays += count;
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
                Arrays.copyOf(options, size), delays,
                delaySteps == null ? new long[0] : Arrays.copyOf(delaySteps, Math.min(delays, delaySteps.length)));
        if (fresh != null) {
            d.frontier = new Decisions.Frontier(Arrays.copyOf(fresh, freshSize), Arrays.copyOf(freshFrom, size + 1),
                    preemptions);
        }
        return d;
    }
}

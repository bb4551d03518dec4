package dev.simloop;

import java.util.Arrays;

/** The decisions of one run as they are taken: growable arrays, no boxing. */
final class DecisionLog {

    private int[] choices = new int[64];
    private int[] options = new int[64];
    private int size;
    private long[] delaySteps = new long[8];
    private int delays;

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
        return new Decisions(seed, policy, perIteration, Arrays.copyOf(choices, size), Arrays.copyOf(options, size),
                Arrays.copyOf(delaySteps, delays));
    }
}

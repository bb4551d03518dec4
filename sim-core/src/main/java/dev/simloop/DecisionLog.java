package dev.simloop;

import java.util.Arrays;

/** The decisions of one run as they are taken: growable arrays, no boxing. */
final class DecisionLog {

    private int[] choices = new int[64];
    private int[] options = new int[64];
    private int size;

    void add(int choice, int n) {
        if (size == choices.length) {
            choices = Arrays.copyOf(choices, size * 2);
            options = Arrays.copyOf(options, size * 2);
        }
        choices[size] = choice;
        options[size++] = n;
    }

    Decisions toDecisions(long seed, String policy) {
        return new Decisions(seed, policy, Arrays.copyOf(choices, size), Arrays.copyOf(options, size));
    }
}

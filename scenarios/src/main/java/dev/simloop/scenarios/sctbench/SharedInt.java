package dev.simloop.scenarios.sctbench;

/**
 * A shared {@code int} variable of a ported C program (also used for C's {@code unsigned}, {@code char} and
 * {@code long} variables, whose values stay small in these programs). Every {@link #get()} and {@link #set(int)} is
 * one access, preceded by a scheduling point; a C statement such as {@code x++} is a {@code get} then a {@code set},
 * two accesses another thread can come between, as in C.
 */
final class SharedInt {
    private final String name;
    private int value;

    /**
     * A variable with its static initial value (C's initialiser, which is not an access).
     *
     * @param name the variable's name in the C source
     * @param value the initial value
     */
    SharedInt(String name, int value) {
        this.name = name;
        this.value = value;
    }

    /**
     * Reads the variable, after a scheduling point.
     *
     * @return its value
     */
    int get() {
        Shared.access(name);
        return value;
    }

    /**
     * Writes the variable, after a scheduling point.
     *
     * @param v the new value
     */
    void set(int v) {
        Shared.access(name);
        value = v;
    }
}

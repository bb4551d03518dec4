package dev.simloop.scenarios.sctbench;

/**
 * A shared {@code _Bool} (or {@code int} used as a flag) of a ported C program; every {@link #get()} and
 * {@link #set(boolean)} is one access, preceded by a scheduling point.
 */
final class SharedBool {
    private final String name;
    private boolean value;

    /**
     * A flag with its static initial value (C's initialiser, which is not an access).
     *
     * @param name the variable's name in the C source
     * @param value the initial value
     */
    SharedBool(String name, boolean value) {
        this.name = name;
        this.value = value;
    }

    /**
     * Reads the flag, after a scheduling point.
     *
     * @return its value
     */
    boolean get() {
        Shared.access(name);
        return value;
    }

    /**
     * Writes the flag, after a scheduling point.
     *
     * @param v the new value
     */
    void set(boolean v) {
        Shared.access(name);
        value = v;
    }
}

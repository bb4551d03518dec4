package dev.simloop.scenarios.sctbench;

/**
 * A shared {@code int} array of a ported C program, zero-initialised like a C global. Every element read and write
 * is one access to the resource {@code name[index]}, preceded by a scheduling point. An index out of bounds, which
 * is undefined behaviour in C, throws {@link ArrayIndexOutOfBoundsException} after the scheduling point.
 */
final class SharedIntArray {
    private final String name;
    private final int[] values;

    /**
     * An array of {@code length} zeros.
     *
     * @param name the array's name in the C source
     * @param length its length
     */
    SharedIntArray(String name, int length) {
        this.name = name;
        this.values = new int[length];
    }

    /**
     * Reads element {@code index}, after a scheduling point.
     *
     * @param index the index
     * @return the element
     */
    int get(int index) {
        Shared.access(name + "[" + index + "]");
        return values[index];
    }

    /**
     * Writes element {@code index}, after a scheduling point.
     *
     * @param index the index
     * @param v the new value
     */
    void set(int index, int v) {
        Shared.access(name + "[" + index + "]");
        values[index] = v;
    }
}

package dev.simloop;

import java.util.HexFormat;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a seed is made, printed and read: the one home of the value that names every run.
 *
 * <p>A sweep's runs get their seeds from a base seed and their index ({@link #of(long, int)}), spread apart by a
 * SplitMix64 mix so that neighbouring indexes give unrelated schedules. Every report prints a seed as
 * {@link #format(long)} does ({@code 0x} and 16 hex digits), and every place that reads one back (the JUnit
 * extension's {@code simloop.seed}, the hunter's {@code --seed}, a decision file) reads it with {@link #parse(String)},
 * so a seed copied from any report pastes anywhere. A loop then splits its seed into the sources it needs: see
 * {@code SeededSources} for that order.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Seeds {

    private static final HexFormat HEX = HexFormat.of();

    private Seeds() {
    }

    /**
     * The seed of the run at {@code index} of a sweep from {@code base}; the same in every JVM.
     *
     * @param base the sweep's base seed
     * @param index the run's index, from 0
     * @return the run's seed
     */
    public static long of(long base, int index) {
        return mix(base + (index + 1L) * 0x9E3779B97F4A7C15L);
    }

    /**
     * A seed as simloop prints it: {@code 0x} and 16 lower-case hex digits, e.g. {@code 0x00000000000000ab}.
     *
     * @param seed any 64-bit value
     * @return its printed form
     */
    public static String format(long seed) {
        return "0x" + HEX.toHexDigits(seed);
    }

    /**
     * Reads a seed as {@link #format(long)} prints it: {@code 0x} and 1 to 16 hex digits, either case; surrounding
     * blanks are ignored. This is the one form simloop reads: a decimal form would let a seed pasted without its
     * {@code 0x} run as a different number, silently.
     *
     * @param text the seed's text, not null
     * @return the seed
     * @throws IllegalArgumentException naming the text and the accepted forms, if it is neither
     */
    public static long parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        try {
            if (s.length() > 2 && s.length() <= 18 && (s.startsWith("0x") || s.startsWith("0X"))) {
                return HexFormat.fromHexDigitsToLong(s.substring(2));
            }
        } catch (IllegalArgumentException e) {
            // not hex digits: refused below
        }
        throw new IllegalArgumentException("'" + text + "' is not a seed: give it as simloop prints seeds, 0x and 1 "
                + "to 16 hex digits (0x00000000000000ab).");
    }

    /** SplitMix64's finaliser: spreads a 64-bit value over all 64 bits (also the trace fingerprint's mixer). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package dev.simloop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The decisions of one run, in order: at each, the index picked among the ready callbacks in FIFO order, and how many
 * there were. Index 0 is CPython's choice; any other is a <em>departure</em> from FIFO. Immutable.
 *
 * <p>With the run's seed (which still drives {@link EventLoop#random()} and buggify) this replays the run through
 * {@link Policy#replay(Decisions)}, also from a file ({@link #write(Path)}, {@link #read(Path)}):
 *
 * <pre>
 * simloop-decisions 1
 * seed 0x00000000000000ab
 * policy RANDOM
 * 0/2 1/3 0/2
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Decisions {

    private static final String HEADER = "simloop-decisions 1";

    private final long seed;
    private final String policy;
    private final int[] choices;
    private final int[] options;

    Decisions(long seed, String policy, int[] choices, int[] options) {
        this.seed = seed;
        this.policy = policy;
        this.choices = choices;
        this.options = options;
    }

    static Decisions none(long seed) {
        return new Decisions(seed, "FIFO", new int[0], new int[0]);
    }

    /** The seed of the run that took these decisions. */
    public long seed() {
        return seed;
    }

    /** The policy that took them, as the run resolved it ("RANDOM", "PCT(depth=3, k=41)", ...). */
    public String policy() {
        return policy;
    }

    /** How many decisions there are. */
    public int size() {
        return choices.length;
    }

    /**
     * The index picked at decision {@code i}, in FIFO order of the candidates.
     *
     * @param i from 0 to {@link #size()} - 1
     * @return the picked index, 0 for CPython's choice
     */
    public int choice(int i) {
        return choices[i];
    }

    /**
     * How many callbacks were ready to pick from at decision {@code i}.
     *
     * @param i from 0 to {@link #size()} - 1
     * @return at least 2
     */
    public int options(int i) {
        return options[i];
    }

    /** How many decisions depart from FIFO (picked another index than 0). */
    public int departures() {
        int d = 0;
        for (int c : choices) {
            if (c != 0) {
                d++;
            }
        }
        return d;
    }

    /** These decisions with every departure not in {@code keep} (indices into {@link #choices}) set back to FIFO. */
    Decisions keepingOnly(List<Integer> keep) {
        int[] c = new int[choices.length];
        for (int i : keep) {
            c[i] = choices[i];
        }
        return new Decisions(seed, policy, c, options);
    }

    /**
     * Writes these decisions to {@code file} in the text format shown above, replacing it.
     *
     * @param file the file, not null
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        Files.writeString(Objects.requireNonNull(file, "file"), toString(), StandardCharsets.UTF_8);
    }

    /**
     * Reads decisions written by {@link #write(Path)}.
     *
     * @param file the file, not null
     * @return the decisions
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not a decision file, naming the line
     */
    public static Decisions read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(Objects.requireNonNull(file, "file"), StandardCharsets.UTF_8);
        if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("seed 0x")
                || !lines.get(2).startsWith("policy ")) {
            throw new IllegalArgumentException(file + " is not a simloop decision file: it must start with the lines '"
                    + HEADER + "', 'seed 0x...' and 'policy ...'.");
        }
        long seed = HexFormat.fromHexDigitsToLong(lines.get(1).substring("seed 0x".length()));
        String policy = lines.get(2).substring("policy ".length());
        String body = lines.size() > 3 ? String.join(" ", lines.subList(3, lines.size())).trim() : "";
        String[] parts = body.isEmpty() ? new String[0] : body.split("\\s+");
        int[] c = new int[parts.length];
        int[] o = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int slash = parts[i].indexOf('/');
            try {
                c[i] = Integer.parseInt(parts[i].substring(0, slash));
                o[i] = Integer.parseInt(parts[i].substring(slash + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": decision " + (i + 1) + " '" + parts[i]
                        + "' is not of the form choice/options.", e);
            }
        }
        return new Decisions(seed, policy, c, o);
    }

    /** The seed as simloop prints seeds: "0x" and 16 hex digits. */
    public static String hex(long seed) {
        return "0x" + HexFormat.of().toHexDigits(seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decisions d && d.seed == seed && d.policy.equals(policy)
                && Arrays.equals(d.choices, choices) && Arrays.equals(d.options, options);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Arrays.hashCode(choices);
    }

    /** The file format of {@link #write(Path)}, 20 decisions a line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(HEADER).append("\nseed ").append(hex(seed)).append("\npolicy ")
                .append(policy).append('\n');
        for (int i = 0; i < choices.length; i++) {
            sb.append(choices[i]).append('/').append(options[i]).append(i % 20 == 19 || i == choices.length - 1
                    ? '\n' : ' ');
        }
        return sb.toString();
    }
}

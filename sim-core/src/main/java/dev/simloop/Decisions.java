package dev.simloop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The decisions of one run, in order: at each, the index picked among the ready callbacks in FIFO order, and how many
 * there were; with the scope they were taken in and the steps that cost a delay. Index 0 is CPython's choice; any
 * other is a <em>departure</em> from FIFO. Immutable.
 *
 * <p>A <em>delay</em> (Emmi, Qadeer, Rakamaric, POPL 2011) is a callback passed over: a step ran something else while
 * it was ready and ahead in FIFO order, and no earlier step had passed it over. Once passed over, a callback may wait
 * any number of steps at no further cost, so holding task {@code a} back across ten steps of {@code b} is one delay
 * (and ten departures). FIFO takes no delays; the delay count is how far a run is from FIFO, the measure a shrunk
 * failure is reported in.
 *
 * <p>With the run's seed (which still drives {@link EventLoop#random()} and buggify) this replays the run through
 * {@link Policy#replay(Decisions)}, also from a file ({@link #write(Path)}, {@link #read(Path)}); the {@code delays}
 * line gives their number and the step of each (of the first 64):
 *
 * <pre>
 * simloop-decisions 2
 * seed 0x00000000000000ab
 * policy RANDOM
 * scope step
 * delays 1 at 2
 * 0/2 1/3 0/2
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Decisions {

    private static final String HEADER = "simloop-decisions 2";

    private final long seed;
    private final String policy;
    private final boolean perIteration;
    private final int[] choices;
    private final int[] options;
    /** How many delays the run took. */
    private final int delays;
    /**
     * The step of each of the first {@link #RECORDED_DELAYS} delays, ascending; a step that passed over two callbacks
     * is listed twice. A random run takes hundreds; a shrunk one a few, which is where the steps matter.
     */
    private final long[] delaySteps;

    /** How many delay steps a run records at most. */
    static final int RECORDED_DELAYS = 64;

    /**
     * For a search's runs only: at each decision, which candidates had never been passed over, so the cost in delays
     * of every other pick is known without running it. Not part of equality or the file; null elsewhere.
     */
    Frontier frontier;

    /**
     * The candidates never passed over before each decision: decision i's positions (ascending) are
     * {@code positions[from[i]] .. positions[from[i + 1] - 1]}.
     */
    record Frontier(int[] positions, int[] from, boolean preemptions) {

        /**
         * What picking index {@code choice} at decision {@code i} costs. In delays: the candidates ahead never passed
         * over (at least the recorded count where the record was capped). In preemptions: 0 for the base order's pick
         * (recorded as the decision's one position), 1 for any other.
         */
        int cost(int i, int choice) {
            if (preemptions) {
                return choice == positions[from[i]] ? 0 : 1;
            }
            int c = 0;
            for (int p = from[i]; p < from[i + 1] && positions[p] < choice; p++) {
                c++;
            }
            return c;
        }
    }

    Decisions(long seed, String policy, boolean perIteration, int[] choices, int[] options, int delays,
            long[] delaySteps) {
        this.seed = seed;
        this.policy = policy;
        this.perIteration = perIteration;
        this.choices = choices;
        this.options = options;
        this.delays = delays;
        this.delaySteps = delaySteps;
    }

    static Decisions none(long seed) {
        return new Decisions(seed, "FIFO", false, new int[0], new int[0], 0, new long[0]);
    }

    /** The seed of the run that took these decisions. */
    public long seed() {
        return seed;
    }

    /** The policy that took them, as the run resolved it ("RANDOM", "PCT(depth=3, k=41)", ...). */
    public String policy() {
        return policy;
    }

    /** Whether they were taken in asyncio's per-iteration scope ({@link Policy#perIteration()}). */
    public boolean perIteration() {
        return perIteration;
    }

    /** How many delays the run took: callbacks passed over while FIFO would have run them (see above). */
    public int delays() {
        return delays;
    }

    /**
     * The step of delay {@code i}: the step that ran another callback in place of the one passed over. The first 64
     * delays of a run are recorded with their steps; the rest only counted.
     *
     * @param i from 0 to {@code min(delays(), 64) - 1}
     * @return the step number, from 1
     */
    public long delayStep(int i) {
        return delaySteps[i];
    }

    /** How many delays have their step recorded: {@code min(delays(), 64)}. */
    public int recordedDelaySteps() {
        return delaySteps.length;
    }

    /**
     * The delays in words, as reports print them: "no delays", "1 delay (step 12)", "3 delays (steps 4, 4, 17)"; past
     * eight, the rest are counted.
     */
    public String describeDelays() {
        if (delays == 0) {
            return "no delays";
        }
        StringBuilder sb = new StringBuilder().append(delays).append(delays == 1 ? " delay (step " : " delays (steps ");
        int shown = Math.min(delaySteps.length, 8);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(delaySteps[i]);
        }
        if (shown < delays) {
            sb.append(" and ").append(delays - shown).append(" more");
        }
        return sb.append(')').toString();
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
     * @return at least 2 for decisions a run took; 0 where a written schedule ({@link #of}, {@link #parse}) left it
     *     out
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
        return new Decisions(seed, policy, perIteration, c, options, delays, delaySteps);
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
        if (!lines.isEmpty() && lines.get(0).equals("simloop-decisions 1")) {
            throw new IllegalArgumentException(file + " was written by simloop 0.1, whose policies chose only within a "
                    + "loop iteration; its decisions mean other orders now. Record the run again (its seed and policy "
                    + "with /iteration appended replay the same interleaving as a sweep).");
        }
        if (lines.size() < 5 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("seed 0x")
                || !lines.get(2).startsWith("policy ") || !lines.get(3).matches("scope (step|iteration)")
                || !lines.get(4).startsWith("delays")) {
            throw new IllegalArgumentException(file + " is not a simloop decision file: it must start with the lines '"
                    + HEADER + "', 'seed 0x...', 'policy ...', 'scope step' or 'scope iteration', and 'delays ...'.");
        }
        long seed = Seeds.parse(lines.get(1).substring("seed ".length()));
        String policy = lines.get(2).substring("policy ".length());
        boolean perIteration = lines.get(3).equals("scope iteration");
        int delays;
        long[] delaySteps;
        try {
            String[] parts = lines.get(4).trim().split("\\s+");
            delays = Integer.parseInt(parts[1]);
            if (parts.length > 2 && !parts[2].equals("at")) {
                throw new NumberFormatException(parts[2]);
            }
            delaySteps = Arrays.stream(parts).skip(3).mapToLong(Long::parseLong).toArray();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": line 5 '" + lines.get(4) + "' must be 'delays N' and, if N "
                    + "is not 0, 'at' and their steps.", e);
        }
        String body = lines.size() > 5 ? String.join(" ", lines.subList(5, lines.size())).trim() : "";
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
        return new Decisions(seed, policy, perIteration, c, o, delays, delaySteps);
    }

    /**
     * A schedule written by hand, in the step scope: at the i-th decision (each step with two or more ready callbacks)
     * pick index {@code picks[i]} among them in FIFO order (0 is CPython's choice); past the last pick, FIFO. A
     * schedule found once can so become a regression test:
     * {@code simulation.replay(Decisions.of(0, 0, 1))}. An index that does not exist at its decision runs FIFO there.
     *
     * @param seed the seed of the run (it drives {@link EventLoop#random()} and buggify)
     * @param picks the index picked at each decision, each at least 0
     * @return the decisions
     */
    public static Decisions of(long seed, int... picks) {
        java.util.Objects.requireNonNull(picks, "picks");
        for (int p : picks) {
            if (p < 0) {
                throw new IllegalArgumentException("A pick is an index among the ready callbacks, at least 0, was "
                        + p + ".");
            }
        }
        return new Decisions(seed, GIVEN, false, picks.clone(), new int[picks.length], 0, new long[0]);
    }

    /** The policy name of decisions made by {@link #of} or {@link #parse} without one. */
    private static final String GIVEN = "SCHEDULE";

    /**
     * These decisions on one line, as {@link #parse(String)} reads them: "seed=0x00000000000000ab scope=step
     * picks=0/2 1/3" (each pick as index/options, or the index alone where the options are not known). The picks
     * after the last departure from FIFO are left out: a replay runs FIFO past the end, so the line replays the same
     * run.
     */
    public String toLine() {
        StringBuilder sb = new StringBuilder("seed=").append(Seeds.format(seed)).append(" scope=")
                .append(perIteration ? "iteration" : "step").append(" picks=");
        int end = choices.length;
        while (end > 0 && choices[end - 1] == 0) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            sb.append(i == 0 ? "" : " ").append(choices[i]);
            if (options[i] > 0) {
                sb.append('/').append(options[i]);
            }
        }
        return sb.toString();
    }

    /**
     * Reads decisions from the one-line form of {@link #toLine()}: {@code seed=} (as {@link Seeds#parse} reads it),
     * optionally {@code scope=step} or {@code scope=iteration} (step by default), then {@code picks=} and the picks,
     * each an index or index/options, separated by spaces or commas.
     *
     * @param line the line, not null
     * @return the decisions
     * @throws IllegalArgumentException naming what is wrong, with the expected form
     */
    public static Decisions parse(String line) {
        String text = Objects.requireNonNull(line, "line").trim();
        String form = " Write it as: seed=0x00000000000000ab scope=step picks=0 1/3 0.";
        int at = text.indexOf("picks=");
        if (!text.startsWith("seed=") || at < 0) {
            throw new IllegalArgumentException("'" + line + "' is not a schedule: it must start with seed= and "
                    + "have picks=." + form);
        }
        long seed;
        boolean perIteration = false;
        String[] head = text.substring(0, at).trim().split("\\s+");
        try {
            String s = head[0].substring("seed=".length());
            seed = Seeds.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + head[0] + "' is not a seed." + form, e);
        }
        for (int i = 1; i < head.length; i++) {
            switch (head[i]) {
                case "scope=step" -> perIteration = false;
                case "scope=iteration" -> perIteration = true;
                default -> throw new IllegalArgumentException("'" + head[i] + "' is not scope=step or "
                        + "scope=iteration." + form);
            }
        }
        String body = text.substring(at + "picks=".length()).trim();
        String[] parts = body.isEmpty() ? new String[0] : body.split("[\\s,]+");
        int[] c = new int[parts.length];
        int[] o = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int slash = parts[i].indexOf('/');
            try {
                c[i] = Integer.parseInt(slash < 0 ? parts[i] : parts[i].substring(0, slash));
                o[i] = slash < 0 ? 0 : Integer.parseInt(parts[i].substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Pick " + (i + 1) + " '" + parts[i] + "' is not an index or "
                        + "index/options." + form, e);
            }
            if (c[i] < 0) {
                throw new IllegalArgumentException("Pick " + (i + 1) + " '" + parts[i] + "' is negative." + form);
            }
        }
        return new Decisions(seed, GIVEN, perIteration, c, o, 0, new long[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decisions d && d.seed == seed && d.policy.equals(policy) && d.perIteration == perIteration
                && Arrays.equals(d.choices, choices) && Arrays.equals(d.options, options)
                && d.delays == delays && Arrays.equals(d.delaySteps, delaySteps);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Arrays.hashCode(choices);
    }

    /** The file format of {@link #write(Path)}, 20 decisions a line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(HEADER).append("\nseed ").append(Seeds.format(seed)).append("\npolicy ")
                .append(policy).append("\nscope ").append(perIteration ? "iteration" : "step").append("\ndelays ").append(delays);
        if (delays > 0) {
            sb.append(" at");
        }
        for (long step : delaySteps) {
            sb.append(' ').append(step);
        }
        sb.append('\n');
        for (int i = 0; i < choices.length; i++) {
            sb.append(choices[i]).append('/').append(options[i]).append(i % 20 == 19 || i == choices.length - 1
                    ? '\n' : ' ');
        }
        return sb.toString();
    }
}

package dev.simloop;

import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Decides which ready callback of a loop iteration runs next; immutable, and a pure description: each run makes its
 * own state from its seed.
 *
 * <h2>Decision points</h2>
 * An iteration (CPython's {@code _run_once}) takes in the timers that are due and fixes its batch: the callbacks
 * ready when it begins. At each step the policy picks one of the batch's callbacks not yet run (cancelled ones
 * removed), so the order of callbacks ready together, and of timers due at the same instant, is the policy's. A
 * callback scheduled during the batch waits for the next iteration under every policy, and time moves only between
 * iterations: a policy never runs a callback that is not ready and never moves time backwards. A pick among two or
 * more callbacks is a <em>decision</em>; a pick among one is not.
 *
 * <h2>Policies</h2>
 * <ul>
 *   <li>{@link #FIFO}: CPython's order; no decisions, and the plain path of the loop.</li>
 *   <li>{@link #random()}: a uniform pick at each decision.</li>
 *   <li>{@link #pct(int, long)}: PCT with random task priorities and {@code depth - 1} priority change points.</li>
 *   <li>{@link #pos()}: partial order sampling, without race information.</li>
 *   <li>{@link #portfolio(long)}: one of RANDOM, POS, PCT(2) and PCT(3) per run, drawn from the seed.</li>
 *   <li>{@link #replay(Decisions)}: the decisions of an earlier run.</li>
 * </ul>
 * Everything a run does follows from (seed, policy): a policy learns nothing from earlier runs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Policy {

    private enum Kind { FIFO, RANDOM, PCT, POS, PORTFOLIO, REPLAY }

    /** CPython asyncio's order: ready callbacks in FIFO order, timers by (deadline, creation). */
    public static final Policy FIFO = new Policy(Kind.FIFO, 0, 0, null);

    private static final Policy RANDOM = new Policy(Kind.RANDOM, 0, 0, null);
    private static final Policy POS = new Policy(Kind.POS, 0, 0, null);

    private final Kind kind;
    private final int depth;
    /** PCT's k, the number of steps change points are drawn from; 0 while not yet known. */
    private final long steps;
    private final Decisions decisions;

    private Policy(Kind kind, int depth, long steps, Decisions decisions) {
        this.kind = kind;
        this.depth = depth;
        this.steps = steps;
        this.decisions = decisions;
    }

    /** Uniform random choice among the ready callbacks at each decision. */
    public static Policy random() {
        return RANDOM;
    }

    /** Partial order sampling (Yuan et al., CAV 2018); see {@link PosScheduler} for what it does without race data. */
    public static Policy pos() {
        return POS;
    }

    /**
     * PCT of bug depth {@code depth} whose step count k is not known yet: a sweep ({@link Simulation}) learns k from
     * one FIFO run of the same test before the first seed. A loop cannot run it until then.
     *
     * @param depth the bug depth d, at least 1
     * @return the policy
     */
    public static Policy pct(int depth) {
        return new Policy(Kind.PCT, requireDepth(depth), 0, null);
    }

    /**
     * PCT (Burckhardt et al., ASPLOS 2010) of bug depth {@code depth} over {@code k} steps: random task priorities,
     * and {@code depth - 1} change points drawn from steps {@code [1, k]}.
     *
     * @param depth the bug depth d, at least 1
     * @param k the number of steps the test takes (as in one FIFO run), at least 1
     * @return the policy
     */
    public static Policy pct(int depth, long k) {
        return new Policy(Kind.PCT, requireDepth(depth), requireSteps(k), null);
    }

    /**
     * One of RANDOM, POS, PCT(2) and PCT(3) for each run, drawn from the run's seed; {@code k} as for
     * {@link #pct(int, long)}, or 0 to let a sweep learn it.
     *
     * @param k the test's step count, or 0 if not known yet
     * @return the policy
     */
    public static Policy portfolio(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("Configuration error: the step count k must not be negative, was "
                    + k + ".");
        }
        return new Policy(Kind.PORTFOLIO, 0, k, null);
    }

    /**
     * Replays recorded decisions; past their end, or where a recorded index no longer exists, it runs FIFO.
     *
     * @param decisions what an earlier run decided, not null
     * @return the policy
     */
    public static Policy replay(Decisions decisions) {
        return new Policy(Kind.REPLAY, 0, 0, Objects.requireNonNull(decisions, "decisions"));
    }

    /**
     * The policy a configuration names: {@code FIFO}, {@code RANDOM}, {@code POS}, {@code PORTFOLIO} or
     * {@code PCT(d)} (case-insensitive; spaces ignored). PCT and the portfolio learn their step count in a sweep.
     *
     * @param text the name, not null
     * @return the policy
     * @throws IllegalArgumentException naming the text if it names no policy
     */
    public static Policy parse(String text) {
        String t = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        switch (t) {
            case "FIFO":
                return FIFO;
            case "RANDOM":
                return RANDOM;
            case "POS":
                return POS;
            case "PORTFOLIO":
                return portfolio(0);
            default:
                if (t.matches("PCT\\([0-9]{1,9}\\)")) {
                    return pct(Integer.parseInt(t.substring(4, t.length() - 1)));
                }
                throw new IllegalArgumentException("Configuration error: '" + text + "' is not a policy: use FIFO, "
                        + "RANDOM, POS, PORTFOLIO or PCT(depth), for example PCT(3).");
        }
    }

    private static int requireDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("Configuration error: PCT depth must be at least 1, was " + depth
                    + ".");
        }
        return depth;
    }

    private static long requireSteps(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("Configuration error: PCT's step count k must be at least 1, was "
                    + k + ".");
        }
        return k;
    }

    /** Whether this policy needs the test's step count before it can run (PCT or portfolio without k). */
    public boolean needsStepCount() {
        return (kind == Kind.PCT || kind == Kind.PORTFOLIO) && steps == 0;
    }

    /**
     * This policy with step count {@code k} where it needs one; itself otherwise.
     *
     * @param k the test's step count, at least 1
     * @return the policy
     */
    public Policy withStepCount(long k) {
        return needsStepCount() ? new Policy(kind, depth, requireSteps(k), decisions) : this;
    }

    void requireRunnable() {
        if (needsStepCount()) {
            throw new IllegalArgumentException("Configuration error: " + this + " needs the test's step count k "
                    + "before a loop can run it: use Policy.pct(depth, k) or portfolio(k), or run it through "
                    + "Simulation, which takes k from one FIFO run.");
        }
    }

    /** The scheduler of one run, drawing from {@code random}; null for FIFO. */
    Scheduler newScheduler(SplittableRandom random) {
        return switch (kind) {
            case FIFO -> null;
            case RANDOM -> new RandomScheduler(random);
            case POS -> new PosScheduler(random);
            case PCT -> new PctScheduler(random, depth, steps);
            case REPLAY -> new ReplayScheduler(decisions);
            case PORTFOLIO -> {
                Scheduler chosen = switch (random.nextInt(4)) {
                    case 0 -> new RandomScheduler(random);
                    case 1 -> new PosScheduler(random);
                    case 2 -> new PctScheduler(random, 2, steps);
                    default -> new PctScheduler(random, 3, steps);
                };
                chosen.inPortfolio = true;
                yield chosen;
            }
        };
    }

    /**
     * "REPLAY(policy)" for decisions recorded under {@code policy}; decisions that were themselves a replay (a shrunk
     * run's) keep their name instead of nesting it.
     */
    static String replayName(Decisions decisions) {
        String original = decisions.policy();
        return original.startsWith("REPLAY(") ? original : "REPLAY(" + original + ")";
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PCT -> "PCT(depth=" + depth + (steps == 0 ? "" : ", k=" + steps) + ")";
            case PORTFOLIO -> "PORTFOLIO" + (steps == 0 ? "" : "(k=" + steps + ")");
            case REPLAY -> replayName(decisions);
            default -> kind.name();
        };
    }
}

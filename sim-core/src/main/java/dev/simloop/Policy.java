package dev.simloop;

import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Decides which ready callback runs next; immutable, and a pure description: each run makes its own state from its
 * seed.
 *
 * <h2>Decision points and scopes</h2>
 * At each step the policy picks one ready callback (cancelled ones removed). Which callbacks it may pick from is the
 * policy's <em>scope</em>:
 * <ul>
 *   <li><b>Step</b> (the default): everything ready at that step, including callbacks that became ready during the
 *   current iteration and timers due at the current instant. Any ready task can be held back for any number of
 *   another's steps, as in a deployment where one await takes longer than another task's whole run. With tasks
 *   {@code a} (one step) and {@code b} ({@code b1; yieldNow(); b2}), the order {@code b1 b2 a1} is possible.</li>
 *   <li><b>Per iteration</b> ({@link #perIteration()}): only the callbacks of the current loop iteration (CPython's
 *   {@code _run_once} batch: those ready when it began, and the timers due then). A callback scheduled during the
 *   batch waits for the next iteration, which keeps asyncio's guarantee that {@code sleep(0)} lets every other ready
 *   task run once: {@code b1 b2 a1} is impossible, {@code b1 a1 b2} and {@code a1 b1 b2} are not. Pick it for code
 *   that relies on that fairness.</li>
 * </ul>
 * In both scopes a policy never runs a callback that is not ready, time never goes backwards, and time advances only
 * when nothing is ready. The candidates are offered in FIFO order: index 0 is what CPython would run next. A pick
 * among two or more callbacks is a <em>decision</em>; a pick among one is not. A pick that runs a callback while
 * another that FIFO would run first had never been passed over costs one <em>delay</em> per such callback; a callback
 * passed over once may then wait any number of steps at no further cost (see {@link Decisions#delays()}).
 *
 * <h2>The fair tail</h2>
 * Step-level choice can starve a task forever: under PCT a spin-wait ({@code while (!flag) yieldNow();}) with the
 * highest priority never lets the setter run. So after a bound, a run goes on in FIFO order, which runs every ready
 * callback in turn. The bound is {@link #fairAfter(long)} steps if set, else {@value #FAIR_TAIL_FACTOR} times the
 * test's step count k where k is known (PCT and the portfolio always know it; a {@link Simulation} and the JUnit
 * extension learn it from one FIFO run for every sampling policy), else none. Decisions in the tail are not recorded:
 * each is FIFO's.
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

    private enum Kind { FIFO, RANDOM, PCT, POS, PORTFOLIO, REPLAY, SEARCH, SEARCH_PREEMPTIONS }

    /** CPython asyncio's order: ready callbacks in FIFO order, timers by (deadline, creation). */
    public static final Policy FIFO = new Policy(Kind.FIFO, 0, 0, null, false, 0);

    /** The default fair tail starts after this many times the test's step count k. */
    static final int FAIR_TAIL_FACTOR = 4;

    private static final Policy RANDOM = new Policy(Kind.RANDOM, 0, 0, null, false, 0);
    private static final Policy POS = new Policy(Kind.POS, 0, 0, null, false, 0);

    private final Kind kind;
    /** PCT's bug depth d; for a search's run, how many never-passed-over candidates each decision records. */
    private final int depth;
    /** The test's step count k: PCT draws its change points from it, and the default fair tail derives from it. */
    private final long steps;
    private final Decisions decisions;
    /** Whether picks are limited to the current iteration's batch (asyncio's scope); false: every ready callback. */
    private final boolean perIteration;
    /** The step after which the run goes on in FIFO order, as set by {@link #fairAfter(long)}; 0 if not set. */
    private final long fairAfter;

    private Policy(Kind kind, int depth, long steps, Decisions decisions, boolean perIteration, long fairAfter) {
        this.kind = kind;
        this.depth = depth;
        this.steps = steps;
        this.decisions = decisions;
        this.perIteration = perIteration;
        this.fairAfter = fairAfter;
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
        return new Policy(Kind.PCT, requireDepth(depth), 0, null, false, 0);
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
        return new Policy(Kind.PCT, requireDepth(depth), requireSteps(k), null, false, 0);
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
        return new Policy(Kind.PORTFOLIO, 0, k, null, false, 0);
    }

    /**
     * Replays recorded decisions, in the scope they were taken in; past their end, or where a recorded index no longer
     * exists, it runs FIFO.
     *
     * @param decisions what an earlier run decided, not null
     * @return the policy
     */
    public static Policy replay(Decisions decisions) {
        Objects.requireNonNull(decisions, "decisions");
        return new Policy(Kind.REPLAY, 0, 0, decisions, decisions.perIteration(), 0);
    }

    /**
     * A run of a schedule search: replays {@code prefix}, then FIFO, and records at each decision which candidates had
     * never been passed over (the first {@code delaysLeft + 1}, kept in {@link #depth}), so the search knows what
     * every other pick there would cost.
     */
    static Policy search(Decisions prefix, int delaysLeft, boolean preemptions) {
        return new Policy(preemptions ? Kind.SEARCH_PREEMPTIONS : Kind.SEARCH, delaysLeft + 1, 0, prefix,
                prefix.perIteration(), 0);
    }

    /**
     * This policy with asyncio's scope: it picks only among the callbacks of the current loop iteration, so a
     * callback that becomes ready during an iteration waits for the next one, and {@code sleep(0)} lets every other
     * ready task run once before the caller goes on. Finds fewer bugs than the default step scope (it can never hold
     * a ready task back past one iteration); use it for code that relies on that fairness. FIFO and replays are
     * returned as they are.
     *
     * @return the policy
     */
    public Policy perIteration() {
        return kind == Kind.FIFO || replays() || perIteration ? this
                : new Policy(kind, depth, steps, decisions, true, fairAfter);
    }

    /**
     * This policy with its fair tail after step {@code steps}: from there on the run goes on in FIFO order, so a
     * task the policy kept starving gets its turn. FIFO and replays are returned as they are.
     *
     * @param steps the last step the policy decides, at least 1
     * @return the policy
     */
    public Policy fairAfter(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("Configuration error: the fair tail must start after at least 1 step, "
                    + "was " + steps + ".");
        }
        return kind == Kind.FIFO || replays() ? this
                : new Policy(kind, depth, this.steps, decisions, perIteration, steps);
    }

    /** Whether this policy replays recorded decisions (a replay, or a search's run). */
    private boolean replays() {
        return kind == Kind.REPLAY || kind == Kind.SEARCH || kind == Kind.SEARCH_PREEMPTIONS;
    }

    /** Whether this policy picks only among the current iteration's callbacks ({@link #perIteration()}). */
    public boolean isPerIteration() {
        return perIteration;
    }

    /** The last step this policy decides before its fair tail, or {@link Long#MAX_VALUE} for none. */
    long fairTailAfter() {
        if (fairAfter > 0) {
            return fairAfter;
        }
        return steps > 0 ? steps * FAIR_TAIL_FACTOR : Long.MAX_VALUE;
    }

    /**
     * The policy a configuration names: {@code FIFO}, {@code RANDOM}, {@code POS}, {@code PORTFOLIO} or
     * {@code PCT(d)}, followed by {@code /iteration} for {@link #perIteration()} (case-insensitive; spaces ignored).
     * PCT and the portfolio learn their step count in a sweep.
     *
     * @param text the name, not null
     * @return the policy
     * @throws IllegalArgumentException naming the text if it names no policy
     */
    public static Policy parse(String text) {
        String t = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (t.endsWith(ITERATION_SUFFIX)) {
            return parseBase(text, t.substring(0, t.length() - ITERATION_SUFFIX.length())).perIteration();
        }
        return parseBase(text, t);
    }

    private static final String ITERATION_SUFFIX = "/ITERATION";

    private static Policy parseBase(String text, String t) {
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
                        + "RANDOM, POS, PORTFOLIO or PCT(depth), for example PCT(3), optionally followed by "
                        + "/iteration for asyncio's per-iteration scope, for example RANDOM/iteration.");
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

    /**
     * Whether a sweep should learn the test's step count k for this policy before it runs: PCT and the portfolio
     * cannot run without it; RANDOM and POS derive their default fair tail from it. False once k is known, and for
     * FIFO and replays.
     */
    boolean needsStepCount() {
        return kind != Kind.FIFO && !replays() && steps == 0;
    }

    /**
     * This policy with step count {@code k} where it {@linkplain #needsStepCount() needs one}; itself otherwise.
     *
     * @param k the test's step count, at least 1
     * @return the policy
     */
    Policy withStepCount(long k) {
        return needsStepCount() ? new Policy(kind, depth, requireSteps(k), decisions, perIteration, fairAfter) : this;
    }

    void requireRunnable() {
        if ((kind == Kind.PCT || kind == Kind.PORTFOLIO) && steps == 0) {
            throw new IllegalArgumentException("Configuration error: " + this + " needs the test's step count k "
                    + "before a loop can run it: use Policy.pct(depth, k) or portfolio(k), or run it through "
                    + "Simulation, which takes k from one FIFO run.");
        }
    }

    /** The scheduler of one run, drawing from {@code random}; null for FIFO. */
    Scheduler newScheduler(SplittableRandom random) {
        Scheduler s = scheduler(random);
        if (s != null) {
            s.fairAfter = fairTailAfter();
            s.perIteration = perIteration;
        }
        return s;
    }

    private Scheduler scheduler(SplittableRandom random) {
        return switch (kind) {
            case FIFO -> null;
            case RANDOM -> new RandomScheduler(random);
            case POS -> new PosScheduler(random);
            case PCT -> new PctScheduler(random, depth, steps);
            case REPLAY -> new ReplayScheduler(decisions);
            case SEARCH, SEARCH_PREEMPTIONS -> {
                ReplayScheduler s = new ReplayScheduler(decisions);
                s.frontierCap = depth;
                s.runsTaskOn = kind == Kind.SEARCH_PREEMPTIONS;
                yield s;
            }
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

    /**
     * The policy's name as reports print it and {@link #parse} reads it back (k aside, which a sweep learns again):
     * "RANDOM", "PCT(depth=3, k=41)", "POS/iteration", ...
     */
    @Override
    public String toString() {
        String name = switch (kind) {
            case PCT -> "PCT(depth=" + depth + (steps == 0 ? "" : ", k=" + steps) + ")";
            case PORTFOLIO -> "PORTFOLIO" + (steps == 0 ? "" : "(k=" + steps + ")");
            case REPLAY, SEARCH, SEARCH_PREEMPTIONS -> replayName(decisions);
            default -> kind.name();
        };
        return replays() ? name : name + scopeSuffix(perIteration);
    }

    /** "/iteration" for the per-iteration scope, "" for the step scope: the suffix of a policy's name. */
    static String scopeSuffix(boolean perIteration) {
        return perIteration ? "/iteration" : "";
    }
}

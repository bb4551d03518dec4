package dev.simloop.junit;

import dev.simloop.TraceLevel;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test whose body runs as the main coroutine of a fresh simloop event loop, once per seed: it can {@code await},
 * create tasks and {@code sleep} in virtual time.
 *
 * <pre>{@code
 * @SimTest(seeds = 1000)
 * void counterLosesNoUpdate(EventLoop loop) {
 *     Counter counter = new Counter(); // the class under test, made in the body: fresh for each seed
 *     Task<Void> a = createTask(counter.increment());
 *     Task<Void> b = createTask(counter.increment());
 *     await(gather(a, b));
 *     assertThat(counter.value()).isEqualTo(2);
 * }
 * }</pre>
 *
 * <h2>Seeds and policy</h2>
 * By default a test runs one seed under {@link dev.simloop.Policy#FIFO FIFO}: CPython's exact order. With
 * {@code seeds = N} it runs N seeds (the same N every build) under the {@code PORTFOLIO} policy unless
 * {@link #policy()} says otherwise. {@link #seed()} runs exactly one seed; {@link #regressions()} run before the
 * sweep, every time; the seed that failed last time runs first (remembered in {@code target/simloop/last-failure/}).
 * Every policy but FIFO first runs the body once more, under FIFO on seed 0, to learn the test's step count (PCT's
 * change points and the fair tail; that run's outcome does not count). Policies choose among every ready task at each
 * step; {@code "RANDOM/iteration"} (any policy with {@code /iteration}) keeps asyncio's per-iteration order instead.
 * <h2>Systematic search</h2>
 * With {@code explore = d} the test runs every schedule that differs from FIFO by at most d delays instead of seeds
 * (see {@link dev.simloop.Simulation#explore(int)}): it passes with a guarantee, published as the report entry
 * {@code simloop.explore} ("All 2,256 schedules with at most 2 delays pass."), or fails with the first failing
 * schedule, shrunk to its fewest delays, and the line that replays it, {@code @SimTest(schedule = "...")}.
 * <h2>Configuration parameters</h2>
 * The JUnit configuration parameters {@code simloop.seeds}, {@code simloop.seed}, {@code simloop.policy},
 * {@code simloop.explore}, {@code simloop.schedule} and {@code simloop.shard=i/n} (junit-platform.properties or
 * {@code -D}) override the attributes; an invalid value fails the test with a configuration error that names the element and
 * the rule.
 *
 * <h2>What each seed gets afresh</h2>
 * Each seed runs on a new loop: its own {@link dev.simloop.EventLoop}, {@link java.util.random.RandomGenerator}
 * (the loop's seeded source), {@link java.time.Clock} (the loop's virtual time, from the epoch in UTC) and
 * {@code Supplier<Trace>} parameters, its own virtual clock from 0. By default all seeds
 * run inside one test invocation: one test instance, one round of {@code @BeforeEach}/{@code @AfterEach}, one line in
 * the report; reset instance state in a {@link BeforeEachSeed} method, which runs before each seed. With
 * {@link #perSeedInvocations()} each seed is its own invocation, with its own test instance (under the default
 * per-method lifecycle) and its own {@code @BeforeEach}/{@code @AfterEach}.
 *
 * <h2>Failures</h2>
 * A failing seed fails the test with a message that names the run (of how many), the seed in hex, the policy, the
 * virtual time and the step count, and gives the replay line; the failure is the cause. The shrunk interleaving is in
 * the message as a per-task table; the trace is written to {@code target/simloop/traces/} as text, Chrome JSON and a
 * self-contained HTML timeline (their ends, for a long run; docs/junit.md says how much). The test also fails, naming what is involved, when the body returns with a task pending other than a
 * background one, when a task exception was never retrieved, a coroutine never awaited, or the loop deadlocks.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(SimExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface SimTest {

    /** How many seeds to run, at least 1 (overridden by {@code simloop.seeds}). */
    int seeds() default 1;

    /**
     * Runs exactly this seed instead of the sweep, as failures print it: {@code "0x"} and up to 16 hex digits
     * (overridden by {@code simloop.seed}); empty for none.
     */
    String seed() default "";

    /**
     * The policy: {@code FIFO}, {@code RANDOM}, {@code POS}, {@code PORTFOLIO} or {@code PCT(depth)}, optionally with
     * {@code /iteration} for asyncio's per-iteration scope (overridden by {@code simloop.policy}); empty for the
     * default: FIFO for one seed, PORTFOLIO for more.
     */
    String policy() default "";

    /**
     * Runs every schedule with at most this many delays from FIFO instead of seeds (overridden by
     * {@code simloop.explore}); -1, the default, for none. The search runs at most 100,000 schedules or 10 minutes;
     * one stopped by a limit passes with a report entry that says it is no guarantee.
     */
    int explore() default -1;

    /**
     * Runs exactly this schedule, in the one-line form a failing search prints
     * ({@code "seed=0x... scope=step picks=0/2 1/3"}, see {@link dev.simloop.Decisions#parse(String)}), instead of
     * seeds (overridden by {@code simloop.schedule}); empty for none.
     */
    String schedule() default "";

    /** Seeds that failed once, as failures print them: they run before the sweep, every time. */
    String[] regressions() default {};

    /** The most steps a run may take before it fails with a {@link dev.simloop.LimitExceededException}. */
    long maxSteps() default 1_000_000;

    /** The latest virtual time a run may reach, as an ISO-8601 duration ({@code "PT1H"}); empty for no limit. */
    String maxVirtualTime() default "";

    /** How much each run's trace records; {@link TraceLevel#OFF} writes no trace files. */
    TraceLevel trace() default TraceLevel.DEFAULT;

    /**
     * The most events each run's trace holds ({@link dev.simloop.EventLoop.Builder#traceCapacity}): a longer run keeps
     * its last ones, and its report says how many it dropped.
     */
    int traceCapacity() default 1_000_000;

    /** Whether each seed runs twice and the two traces must be the same. */
    boolean checkDeterminism() default false;

    /**
     * How many threads run the seeds of one sweep at once (1 by default); above 1 the seeds share the test instance
     * across threads, so the test must keep no state in it.
     */
    int threads() default 1;

    /** Whether each seed is its own test invocation (for an IDE: one line per seed), instead of one for all seeds. */
    boolean perSeedInvocations() default false;

    /**
     * Whether the body drives the run's loop itself ({@code runUntilComplete}, {@code advanceBy}, a scheduled
     * executor, a library on {@code loop.clock()}) instead of running as its main coroutine: it then runs on the
     * run's thread, outside the loop, and takes the {@code EventLoop} parameter; seeds, policies, searches, shrinking
     * and the determinism check work as for a coroutine body ({@link dev.simloop.Simulation#ofLoop}).
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    boolean drivesLoop() default false;
}

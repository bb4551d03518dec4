package dev.simloop.junit;

import dev.simloop.Decisions;
import dev.simloop.Policy;
import dev.simloop.Seeds;
import dev.simloop.TraceLevel;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The settings of one {@link SimTest} method: its attributes, overridden by the JUnit configuration parameters
 * {@code simloop.seeds}, {@code simloop.seed}, {@code simloop.policy}, {@code simloop.shard} and
 * {@code simloop.progress}; every value checked.
 *
 * @param test "Class#method", for messages and the replay line
 * @param seeds how many seeds the sweep runs, at least 1
 * @param exactSeed the one seed to run instead of a sweep, or null
 * @param policyName the policy as {@link Policy#parse} reads it, upper case without spaces ("PORTFOLIO")
 * @param regressions seeds that always run before the sweep
 * @param shard which part of the seeds to run: {@code {i, n}}, 1 &lt;= i &lt;= n; {@code {1, 1}} for all
 * @param explore the delay bound of a systematic search instead of seeds, or -1
 * @param schedule the one schedule to run instead of seeds, in {@link Decisions#toLine()} form, or null
 * @param drivesLoop whether the body drives the loop itself ({@link SimTest#drivesLoop()})
 * @param progress how often a sweep reports its progress, or null for never ({@value #PROGRESS})
 */
record SimConfig(String test, int seeds, Long exactSeed, String policyName, long[] regressions, long maxSteps,
        Duration maxVirtualTime, TraceLevel trace, int traceCapacity,
        boolean checkDeterminism, int threads, boolean perSeedInvocations,
        int[] shard, int explore, String schedule, boolean drivesLoop, Duration progress) {

    static final String SEEDS = "simloop.seeds";
    static final String SEED = "simloop.seed";
    static final String POLICY = "simloop.policy";
    static final String SHARD = "simloop.shard";
    static final String EXPLORE = "simloop.explore";
    static final String SCHEDULE = "simloop.schedule";
    static final String PROGRESS = "simloop.progress";
    /** How often a long sweep reports its progress unless {@value #PROGRESS} says otherwise. */
    static final Duration DEFAULT_PROGRESS = Duration.ofSeconds(10);

    /**
     * Reads and checks the settings of {@code method}, run in {@code testClass} (which may inherit it).
     *
     * @param parameters the JUnit configuration parameter of a key, if set
     * @param environment an environment variable's value, or null ({@code System::getenv}): where
     *     {@code simloop.shard=auto} finds its shard
     * @throws ExtensionConfigurationException naming the element and the rule it breaks
     */
    static SimConfig of(Class<?> testClass, Method method, SimTest a,
            Function<String, Optional<String>> parameters, Function<String, String> environment) {
        String test = testName(testClass, method);
        Checker c = new Checker(test);
        int seeds = parameters.apply(SEEDS).map(v -> c.seeds("the configuration parameter " + SEEDS, v))
                .orElseGet(() -> c.seeds("seeds", String.valueOf(a.seeds())));
        Long exact = parameters.apply(SEED).map(v -> c.seed("the configuration parameter " + SEED, v))
                .orElseGet(() -> a.seed().isEmpty() ? null : c.seed("seed", a.seed()));
        String policy = parameters.apply(POLICY).map(v -> c.policy("the configuration parameter " + POLICY, v))
                .orElseGet(() -> a.policy().isEmpty() ? (seeds == 1 ? "FIFO" : "PORTFOLIO")
                        : c.policy("policy", a.policy()));
        long[] regressions = new long[a.regressions().length];
        for (int i = 0; i < regressions.length; i++) {
            regressions[i] = c.seed("regressions[" + i + "]", a.regressions()[i]);
        }
        int[] shard = parameters.apply(SHARD).map(v -> v.trim().equalsIgnoreCase("auto") ? c.autoShard(environment)
                : c.shard(v)).orElse(new int[] {1, 1});
        if (a.maxSteps() < 1) {
            throw c.error("have maxSteps of at least 1", "maxSteps", String.valueOf(a.maxSteps()));
        }
        if (a.traceCapacity() < 1) {
            throw c.error("have traceCapacity of at least 1", "traceCapacity", String.valueOf(a.traceCapacity()));
        }
        Duration maxTime = a.maxVirtualTime().isEmpty() ? null : c.duration(a.maxVirtualTime());
        if (a.threads() < 1) {
            throw c.error("have threads of at least 1", "threads", String.valueOf(a.threads()));
        }
        int explore = parameters.apply(EXPLORE).map(v -> c.explore("the configuration parameter " + EXPLORE, v))
                .orElseGet(() -> a.explore() == -1 ? -1 : c.explore("explore", String.valueOf(a.explore())));
        String schedule = parameters.apply(SCHEDULE).map(v -> c.schedule("the configuration parameter " + SCHEDULE, v))
                .orElseGet(() -> a.schedule().isEmpty() ? null : c.schedule("schedule", a.schedule()));
        Duration progress = parameters.apply(PROGRESS).map(c::progress).orElse(DEFAULT_PROGRESS);
        return new SimConfig(test, seeds, exact, policy, regressions, a.maxSteps(), maxTime, a.trace(),
                a.traceCapacity(), a.checkDeterminism(), a.threads(), a.perSeedInvocations(), shard, explore, schedule,
                a.drivesLoop(), progress);
    }

    /** "SimpleClass#method": how messages and {@code -Dtest=} name a test method of {@code testClass}. */
    static String testName(Class<?> testClass, Method method) {
        String cls = testClass.getName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "#" + method.getName();
    }

    Policy policy() {
        return Policy.parse(policyName);
    }

    boolean sharded() {
        return shard[1] > 1;
    }

    /** Whether the test runs a search or one schedule instead of seeds. */
    boolean searches() {
        return explore >= 0 || schedule != null;
    }

    /** Where a CI says which of its parallel jobs this is: the index and total variables, and the index's base. */
    record ShardSource(String ci, String index, String total, boolean zeroBased) {}

    /**
     * The variables {@code simloop.shard=auto} reads, in order. Our own pair first, 1-based like {@code i/n}, for any
     * CI (a GitHub Actions matrix sets it from its own values); then GitLab's parallel jobs (1-based), CircleCI's
     * parallelism (0-based), and a Kubernetes Indexed Job's completion index (0-based) with a total the job passes.
     */
    static final List<ShardSource> SHARD_SOURCES = List.of(
            new ShardSource("any CI, 1-based", "SIMLOOP_SHARD_INDEX", "SIMLOOP_SHARD_TOTAL", false),
            new ShardSource("GitLab", "CI_NODE_INDEX", "CI_NODE_TOTAL", false),
            new ShardSource("CircleCI", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", true),
            new ShardSource("a Kubernetes Indexed Job", "JOB_COMPLETION_INDEX", "SIMLOOP_SHARD_TOTAL", true));

    /** Parses values; each failure names the element, the rule and the value. */
    private record Checker(String test) {

        ExtensionConfigurationException error(String rule, String element, String value) {
            return new ExtensionConfigurationException("Configuration error: @SimTest on method [" + test + "] must "
                    + rule + ", but " + element + " is " + value + ".");
        }

        int seeds(String element, String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("have seeds of at least 1", element, quoted(element, value));
        }

        long seed(String element, String value) {
            try {
                return Seeds.parse(value);
            } catch (IllegalArgumentException e) {
                throw error("give seeds as 0x and 1 to 16 hex digits, as failures print them (0x00000000000000ab)",
                        element, quoted(element, value));
            }
        }

        String policy(String element, String value) {
            try {
                Policy.parse(value);
                return value.replace(" ", "").toUpperCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw error("name a policy: FIFO, RANDOM, POS, PORTFOLIO or PCT(depth), for example PCT(3), "
                        + "optionally followed by /iteration", element, quoted(element, value));
            }
        }

        int explore(String element, String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("have explore (a delay bound) of at least 0", element, quoted(element, value));
        }

        String schedule(String element, String value) {
            try {
                return Decisions.parse(value).toLine();
            } catch (IllegalArgumentException e) {
                throw error("give a schedule as a failing search prints it, for example \"seed=0x00000000000000ab "
                        + "scope=step picks=0 1/3\"", element, quoted(element, value));
            }
        }

        int[] shard(String value) {
            String[] parts = value.trim().split("/", -1);
            try {
                if (parts.length == 2) {
                    int i = Integer.parseInt(parts[0]);
                    int n = Integer.parseInt(parts[1]);
                    if (n >= 1 && i >= 1 && i <= n) {
                        return new int[] {i, n};
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("run shard i/n with 1 <= i <= n, for example 2/4", "the configuration parameter " + SHARD,
                    "'" + value + "'");
        }

        /**
         * The shard a CI job runs, from the variables its CI sets: the first pair found of {@link #SHARD_SOURCES},
         * each index turned 1-based.
         */
        int[] autoShard(Function<String, String> environment) {
            String prefix = "Configuration error: @SimTest on method [" + test + "] has " + SHARD + "=auto";
            for (ShardSource source : SHARD_SOURCES) {
                String index = environment.apply(source.index());
                String total = environment.apply(source.total());
                if (index == null) {
                    continue; // the index says which CI this is; Kubernetes shares SIMLOOP_SHARD_TOTAL with ours
                }
                try {
                    int i = Integer.parseInt(index.trim()) + (source.zeroBased() ? 1 : 0);
                    int n = Integer.parseInt(total.trim());
                    if (n >= 1 && i >= 1 && i <= n) {
                        return new int[] {i, n};
                    }
                } catch (NullPointerException | NumberFormatException e) {
                    // reported below (a null total)
                }
                throw new ExtensionConfigurationException(prefix + " and found " + source.index() + "='" + index
                        + "' and " + source.total() + "=" + (total == null ? "(not set)" : "'" + total + "'") + " ("
                        + source.ci() + "), but they must be whole numbers with " + (source.zeroBased()
                                ? "0 <= index < total." : "1 <= index <= total."));
            }
            StringBuilder pairs = new StringBuilder();
            for (ShardSource source : SHARD_SOURCES) {
                pairs.append(pairs.isEmpty() ? "" : ", ").append(source.index()).append(" and ")
                        .append(source.total()).append(" (").append(source.ci()).append(")");
            }
            throw new ExtensionConfigurationException(prefix + ", but none of the variables that say which shard a "
                    + "CI job runs is set: " + pairs + ". Set one pair, or give the shard as i/n (-D" + SHARD
                    + "=2/4).");
        }

        /** The progress interval: an ISO-8601 duration, or null for "off". */
        Duration progress(String value) {
            if (value.trim().equalsIgnoreCase("off")) {
                return null;
            }
            try {
                Duration d = Duration.parse(value.trim());
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw error("give the progress interval as an ISO-8601 duration (PT30S) or off",
                    "the configuration parameter " + PROGRESS, "'" + value + "'");
        }

        Duration duration(String value) {
            try {
                Duration d = Duration.parse(value);
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw error("give maxVirtualTime as a positive ISO-8601 duration, for example PT1H", "maxVirtualTime",
                    "\"" + value + "\"");
        }

        /** Attribute strings in Java's quotes, configuration parameters in single quotes, numbers bare. */
        private static String quoted(String element, String value) {
            if (element.startsWith("the configuration parameter")) {
                return "'" + value + "'";
            }
            return value.matches("-?[0-9]+") && !element.equals("seed") && !element.startsWith("regressions")
                    ? value : "\"" + value + "\"";
        }
    }
}

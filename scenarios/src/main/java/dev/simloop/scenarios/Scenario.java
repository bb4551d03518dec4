package dev.simloop.scenarios;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Policy;
import dev.simloop.Simulation;
import dev.simloop.TraceLevel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A reproduced concurrency bug: a small component in a buggy and a fixed version, each run by a body that asserts the
 * component's invariant and throws when it is violated.
 *
 * @param name the short name the hunter takes ("lost-update"), not null
 * @param description what goes wrong, in one line, not null
 * @param buggy makes the main coroutine of a run of the buggy version, not null
 * @param fixed makes the main coroutine of a run of the fixed version, not null
 * @param seeds how many seeds a hunt tries by default, at least 1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Scenario(String name, String description, Supplier<Coroutine<?>> buggy, Supplier<Coroutine<?>> fixed,
        int seeds) {

    /** The base seed of every hunt: the seeds of a hunt are {@link dev.simloop.Seeds#of}{@code (BASE_SEED, i)}. */
    public static final long BASE_SEED = 0x5EEDL;

    /** Checks the components. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(buggy, "buggy");
        Objects.requireNonNull(fixed, "fixed");
        if (seeds < 1) {
            throw new IllegalArgumentException("a scenario hunts at least 1 seed, was " + seeds);
        }
    }

    /** Which version of a scenario runs. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Variant {
        /** The version with the bug: a hunt expects a failing seed. */
        BUGGY,
        /** The corrected version: a hunt expects every seed to pass. */
        FIXED;

        /** "buggy" or "fixed". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The body of {@code variant}.
     *
     * @param variant not null
     * @return the supplier of its main coroutine
     */
    public Supplier<Coroutine<?>> body(Variant variant) {
        return variant == Variant.BUGGY ? buggy : fixed;
    }

    /** The name of a variant as the hunter prints it: "lost-update (buggy)". */
    public String title(Variant variant) {
        return name + " (" + variant.label() + ")";
    }

    /**
     * The simulation a hunt runs for {@code variant}: the portfolio policy, {@link #seeds()} seeds from
     * {@link #BASE_SEED}, a trace of every run, and limits (a million steps, an hour of virtual time) that end a run
     * that never would.
     *
     * @param variant not null
     * @return the simulation, ready for {@code sweep()}
     */
    public Simulation simulation(Variant variant) {
        return simulation(variant, TraceLevel.DEFAULT);
    }

    /**
     * {@link #simulation(Variant)} with another trace level; {@link TraceLevel#DETAILED} adds the source line of
     * each suspension (a replay shows it) and leaves the fingerprints as they are.
     *
     * @param variant not null
     * @param trace not null
     * @return the simulation
     */
    public Simulation simulation(Variant variant, TraceLevel trace) {
        return Simulation.of(body(variant)).policy(Policy.portfolio(0)).seeds(BASE_SEED, seeds)
                .loop(loopSettings(variant, trace));
    }

    /** The loop settings of every run: the variant's title as name, the trace level, the limits. */
    EventLoop.Builder loopSettings(Variant variant, TraceLevel trace) {
        return EventLoop.builder().name(title(variant)).trace(trace).maxSteps(1_000_000)
                .maxVirtualTime(Duration.ofHours(1));
    }
}

package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.EventLoop;
import dev.simloop.Policy;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.TraceLevel;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * One ported SCTBench program: its benchmark name, what goes wrong, and its {@code main} as a coroutine.
 *
 * <p>A run of the body fails when the C program would: with an {@link AssertionError} whose message starts with the
 * program's name when its assertion fails, or with a {@link dev.simloop.DeadlockException} when its threads
 * deadlock. Each call of the supplier makes a new coroutine with fresh shared state, so the body can be given to
 * {@link dev.simloop.Simulation#of(Supplier)} as it is.
 *
 * @param name the program's name in SCTBench without the {@code _bad} suffix ("account", "reorder_3",
 *     "twostage_100"; the dining philosophers keep their {@code _sat} suffix), not null
 * @param description what the program does and how it goes wrong, in one line, not null
 * @param body makes the main coroutine of a run, not null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record SctProgram(String name, String description, Supplier<Coroutine<?>> body) {

    /** Checks that no component is null. */
    public SctProgram {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
    }

    /**
     * The simulation of a hunt: {@code policy} over {@code seeds} seeds from the scenarios' base seed
     * ({@code Seeds.of(0x5eed, i)}), stopping at the first failure and shrinking it, a default-level trace,
     * and a limit of a million steps.
     *
     * @param policy the policy, not null
     * @param seeds how many seeds, at least 1
     * @return the simulation, ready for {@code sweep()}
     */
    public Simulation simulation(Policy policy, int seeds) {
        return Simulation.of(body).policy(policy).seeds(0x5EEDL, seeds)
                .loop(EventLoop.builder().name(name).trace(TraceLevel.DEFAULT).maxSteps(1_000_000));
    }
}

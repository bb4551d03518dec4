package dev.simloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link Simulation#sweep()} found: how many runs, how many real decisions they took, the failing runs in seed
 * order, and the first failure shrunk.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SweepResult {

    private final String policy;
    private final long baseSeed;
    private final int runs;
    private final long decisions;
    private final List<RunResult> failures;
    private final RunResult shrunk;

    SweepResult(String policy, long baseSeed, int runs, long decisions, List<RunResult> failures, RunResult shrunk) {
        this.policy = policy;
        this.baseSeed = baseSeed;
        this.runs = runs;
        this.decisions = decisions;
        this.failures = List.copyOf(failures);
        this.shrunk = shrunk;
    }

    /** How many seeds ran (up to and including the first failure when the sweep stops there). */
    public int runs() {
        return runs;
    }

    /**
     * How many real decisions (picks among two or more ready callbacks) all runs took together; 0 means the sweep
     * explored one interleaving only, however many seeds it ran.
     */
    public long decisions() {
        return decisions;
    }

    /** The failing runs, in seed order; empty if all passed. */
    public List<RunResult> failures() {
        return failures;
    }

    /** The first failing run, if any. */
    public Optional<RunResult> firstFailure() {
        return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
    }

    /**
     * The first failure shrunk: a replay of its decisions that still fails the same way (same exception class) with as
     * few departures from FIFO as delta debugging found, which report their {@linkplain Decisions#delays() delays};
     * the failure itself if it took no departure (see {@link Simulation#shrink(RunResult)}). Empty if nothing failed,
     * shrinking was off, or the failure was nondeterminism.
     */
    public Optional<RunResult> shrunk() {
        return Optional.ofNullable(shrunk);
    }

    /** Warnings about the sweep itself: one when no run took a single decision. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (decisions == 0) {
            w.add("The sweep explored nothing: in " + runs + " runs under " + policy + " no step ever had two or "
                    + "more ready callbacks to choose from, so every run took the same order. Let tasks run "
                    + "concurrently (create them before awaiting them) for seeds to matter.");
        }
        return w;
    }

    /**
     * Throws an {@link AssertionError} that reports the first failure (seed, policy, how to replay, the shrunk run)
     * with the failure as its cause; does nothing if all runs passed.
     */
    public void orThrow() {
        if (!failures.isEmpty()) {
            throw new AssertionError(report(), failures.get(0).failure());
        }
    }

    /** The report {@link #orThrow()} gives, or a one-line summary if all passed. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(runs).append(" runs under ").append(policy).append(" from base seed ")
                .append(Seeds.format(baseSeed)).append(": ").append(failures.size()).append(" failed, ")
                .append(decisions).append(" decisions.");
        for (String w : warnings()) {
            sb.append("\nWarning: ").append(w);
        }
        if (!failures.isEmpty()) {
            RunResult first = failures.get(0);
            sb.append("\nFirst failure:\n").append(first.describe()).append("\n  replay: simulation.run(")
                    .append(Seeds.format(first.seed())).append("L)");
            if (shrunk != null) {
                sb.append("\nShrunk:\n").append(shrunk.describe()).append("\n  replay: simulation.replay(decisions) "
                        + "with these decisions:\n").append(shrunk.decisions());
                if (shrunk.trace() != null) {
                    sb.append("Shrunk interleaving:\n").append(shrunk.trace().renderColumns());
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}

package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import dev.simloop.internal.timeline.TimelinePage;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What one run of a {@link Simulation} did: its seed and policy, how it ended, its decisions and its trace.
 *
 * @param seed the run's seed
 * @param policy the policy as the run resolved it ("RANDOM", "PCT(depth=3, k=41)", "REPLAY(RANDOM)", ...), not null
 * @param failure why the run failed (the main coroutine's exception, a limit, a {@link LoopProblemException} for a
 *     problem its loop reported, or nondeterminism), or null if it passed
 * @param steps how many steps it ran
 * @param virtualTime the virtual time it ended at, in nanoseconds
 * @param decisions the decisions its policy took, not null
 * @param trace its events, or null when the simulation records none
 * @param index the run's position in its sweep (its seed is {@link Seeds#of}{@code (base, index)}), or -1
 *     for a run outside a sweep ({@link Simulation#run}, a replay, a search)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunResult(long seed, String policy, Throwable failure, long steps, long virtualTime,
        Decisions decisions, Trace trace, int index) {

    /** Checks that the policy and the decisions are not null. */
    public RunResult {
        java.util.Objects.requireNonNull(policy, "policy");
        java.util.Objects.requireNonNull(decisions, "decisions");
    }

    /** This run as run {@code i} of a sweep. */
    RunResult atIndex(int i) {
        return new RunResult(seed, policy, failure, steps, virtualTime, decisions, trace, i);
    }

    /** Whether the run failed. */
    public boolean failed() {
        return failure != null;
    }

    /** The trace's fingerprint, or 0 without a trace. */
    public long fingerprint() {
        return trace == null ? 0 : trace.fingerprint();
    }

    /** What happened, in a few lines: seed in hex, policy, outcome, decisions and the delays from FIFO. */
    public String describe() {
        String outcome = failure == null ? "passed" : "failed with " + failure;
        return String.join("\n", List.of(
                "seed " + Seeds.format(seed) + ", policy " + policy + ": " + outcome,
                "  " + steps + " steps, virtual time " + VirtualTimes.format(virtualTime) + ", " + decisions.size()
                        + " decisions, " + decisions.describeDelays() + " from FIFO"
                        + (trace == null ? "" : ", trace fingerprint " + Seeds.format(trace.fingerprint()))));
    }

    /**
     * The run's {@linkplain Trace#renderHtml(String, long) HTML timeline}, titled with its seed, policy and outcome,
     * its {@linkplain Trace#lastFailureStep() last failure} highlighted and the steps of its
     * {@linkplain Decisions#delays() delays} marked on the axis (and counted in the summary): the page to keep beside
     * a failing run.
     *
     * @return the page
     * @throws IllegalStateException if the run recorded no trace
     */
    public String renderHtml() {
        if (trace == null) {
            throw new IllegalStateException("The run of seed " + Seeds.format(seed) + " recorded no trace: give "
                    + "the simulation a loop that records one, loop(EventLoop.builder().trace(TraceLevel.DEFAULT)).");
        }
        return TimelinePage.html(trace, describe().lines().findFirst().orElseThrow(), trace.lastFailureStep(),
                decisions);
    }

    @Override
    public String toString() {
        return describe();
    }
}

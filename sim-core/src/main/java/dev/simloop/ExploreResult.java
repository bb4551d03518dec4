package dev.simloop;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a systematic search ({@link Simulation#explore(int)}) covered: how many schedules within its delay bound it
 * ran, whether that was all of them, and the first one that failed, if any, with the failure shrunk to its fewest
 * delays. When nothing failed and the search was complete, {@link #report()} is a guarantee: every schedule of the
 * test that differs from FIFO by at most that many delays passes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ExploreResult {

    private final int delayBound;
    /** What the bound counts: "delay" or "preemption". */
    private final String unit;
    private final long schedules;
    private final boolean complete;
    private final String stoppedBy;
    private final RunResult failure;
    private final RunResult shrunk;

    ExploreResult(int delayBound, String unit, long schedules, boolean complete, String stoppedBy, RunResult failure,
            RunResult shrunk) {
        this.delayBound = delayBound;
        this.unit = unit;
        this.schedules = schedules;
        this.complete = complete;
        this.stoppedBy = stoppedBy;
        this.failure = failure;
        this.shrunk = shrunk;
    }

    /** The most delays (or preemptions, for {@link Simulation#explorePreemptions}) a visited schedule took. */
    public int delayBound() {
        return delayBound;
    }

    /** How many schedules ran, each once. */
    public long schedules() {
        return schedules;
    }

    /** Whether every schedule within the bound ran: false when one failed first or a limit stopped the search. */
    public boolean complete() {
        return complete;
    }

    /** The first schedule that failed, in the search's order; its decisions replay it. Empty if none failed. */
    public Optional<RunResult> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The failure with the fewest delays (or preemptions) any schedule of the test fails with: the same failure if it
     * had them.
     */
    public Optional<RunResult> shrunk() {
        return Optional.ofNullable(shrunk);
    }

    /** Whether a schedule failed. */
    public boolean failed() {
        return failure != null;
    }

    /**
     * The guarantee or the failure, in a few lines: "All 2,256 schedules with at most 2 delays pass.", what stopped an
     * incomplete search, or the failing schedule, its delays and the line that replays it.
     */
    public String report() {
        String bound = "at most " + delayBound + " " + unit + (delayBound == 1 ? "" : "s");
        if (failure == null) {
            if (complete) {
                return "All " + count(schedules) + (schedules == 1 ? " schedule" : " schedules") + " with " + bound
                        + " pass.";
            }
            return "No failure in " + count(schedules) + " schedules with " + bound + ", but the search stopped at "
                    + stoppedBy + " before it covered them all: this is no guarantee. Raise the limits "
                    + "(Simulation.searchLimits) or lower the delay bound.";
        }
        StringBuilder sb = new StringBuilder("Schedule " + count(schedules) + " of the search with " + bound
                + " fails:\n" + failure.describe() + "\n  replay: simulation.replay(Decisions.parse(\""
                + failure.decisions().toLine() + "\"))");
        if (shrunk != null && shrunk != failure) {
            sb.append("\nWith the fewest ").append(unit).append("s:\n").append(shrunk.describe())
                    .append("\n  replay: simulation.replay(Decisions.parse(\"").append(shrunk.decisions().toLine())
                    .append("\"))");
        }
        RunResult shown = shrunk != null ? shrunk : failure;
        if (shown.trace() != null) {
            sb.append("\nInterleaving:\n").append(shown.trace().renderColumns());
        }
        return sb.toString();
    }

    /** Throws an {@link AssertionError} with the {@link #report()} if a schedule failed, its failure as the cause. */
    public void orThrow() {
        if (failure != null) {
            throw new AssertionError(report(), failure.failure());
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public String toString() {
        return report();
    }
}

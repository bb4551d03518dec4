package dev.simloop;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing run toward FIFO: delta debugging (Zeller's ddmin) over its departures from FIFO. A candidate keeps
 * a subset of the departures and sets the rest to FIFO; it is replayed with the same seed and counts if it fails with
 * the same exception class. The result is 1-minimal: dropping any one remaining departure makes the failure go away
 * (within at most {@link #MAX_REPLAYS} replays).
 *
 * <p>Reports give the result's {@linkplain Decisions#delays() delays}, the measure in which a held-back task costs one
 * however long it waits. A 1-minimal set of departures may still take more delays than the failure needs (it may
 * pass over four callbacks at one step where another schedule passes over one), so a last pass searches every
 * schedule with 1, 2, ... delays, fewer than the result has, for one that fails the same way ({@link ScheduleSearch},
 * within what is left of those replays). A schedule it finds has the fewest delays any schedule of this seed fails with;
 * if the replays run out first, the ddmin result stands.
 */
final class Shrinker {

    private static final int MAX_REPLAYS = 2000;

    private final Simulation simulation;
    private final RunResult original;
    private final Decisions decisions;
    private int replays;

    Shrinker(Simulation simulation, RunResult original) {
        this.simulation = simulation;
        this.original = original;
        this.decisions = original.decisions();
    }

    RunResult shrink() {
        List<Integer> departures = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.choice(i) != 0) {
                departures.add(i);
            }
        }
        if (fails(List.of())) {
            return replay(List.of());
        }
        int n = 2;
        while (departures.size() >= 2 && replays < MAX_REPLAYS) {
            List<List<Integer>> chunks = split(departures, n);
            List<Integer> reduced = null;
            for (List<Integer> chunk : chunks) {
                if (fails(chunk)) {
                    reduced = chunk;
                    n = 2;
                    break;
                }
            }
            if (reduced == null && n > 2) {
                for (List<Integer> chunk : chunks) {
                    List<Integer> complement = new ArrayList<>(departures);
                    complement.removeAll(chunk);
                    if (fails(complement)) {
                        reduced = complement;
                        n = Math.max(n - 1, 2);
                        break;
                    }
                }
            }
            if (reduced != null) {
                departures = reduced;
            } else if (n >= departures.size()) {
                break;
            } else {
                n = Math.min(departures.size(), 2 * n);
            }
        }
        return fewestDelays(replay(departures));
    }

    /** The last pass: the first failing schedule of a search with fewer delays than {@code shrunk}, if any. */
    private RunResult fewestDelays(RunResult shrunk) {
        RunResult fewest = ScheduleSearch.fewestDelays(simulation, shrunk, decisions.policy(),
                decisions.perIteration(), MAX_REPLAYS - replays, Long.MAX_VALUE);
        return fewest == shrunk ? shrunk : replay(fewest.decisions());
    }

    private boolean sameFailure(RunResult r) {
        return r.failed() && r.failure().getClass() == original.failure().getClass();
    }

    private static List<List<Integer>> split(List<Integer> list, int n) {
        List<List<Integer>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (list.size() - start) / (n - i);
            chunks.add(new ArrayList<>(list.subList(start, end)));
            start = end;
        }
        return chunks;
    }

    private boolean fails(List<Integer> keep) {
        replays++;
        return sameFailure(replay(keep));
    }

    private RunResult replay(List<Integer> keep) {
        return replay(decisions.keepingOnly(keep));
    }

    private RunResult replay(Decisions d) {
        return simulation.runSeed(original.seed(), Policy.replay(d));
    }
}

package dev.simloop;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing run toward FIFO: delta debugging (Zeller's ddmin) over its departures from FIFO. A candidate keeps
 * a subset of the departures and sets the rest to FIFO; it is replayed with the same seed and counts if it fails with
 * the same exception class. The result is 1-minimal: dropping any one remaining departure makes the failure go away
 * (within a budget of {@link #BUDGET} replays).
 *
 * <p>Reports give the result's {@linkplain Decisions#delays() delays}, the measure in which a held-back task costs one
 * however long it waits. A departure that ddmin keeps may still pass over more callbacks than the failure needs (index
 * 4 where index 1 would do), so a second pass lowers each remaining departure's index, in order, to the smallest that
 * still fails with fewer delays. The result is then also 1-minimal in that sense: no single departure can pick an
 * earlier candidate and keep the failure with fewer delays.
 */
final class Shrinker {

    private static final int BUDGET = 2000;

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
        while (departures.size() >= 2 && replays < BUDGET) {
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
        return fewerDelays(decisions.keepingOnly(departures));
    }

    /** The second pass: each departure, in order, picks the earliest candidate that still fails with fewer delays. */
    private RunResult fewerDelays(Decisions kept) {
        RunResult best = simulation.runOnce(original.seed(), Policy.replay(kept));
        for (int i = 0; i < kept.size() && replays < BUDGET; i++) {
            for (int c = 1; c < kept.choice(i) && replays < BUDGET; c++) {
                Decisions d = kept.withChoice(i, c);
                replays++;
                RunResult r = simulation.runOnce(original.seed(), Policy.replay(d));
                if (sameFailure(r) && r.decisions().delays() < best.decisions().delays()) {
                    kept = d;
                    best = r;
                    break;
                }
            }
        }
        return best;
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
        return simulation.runOnce(original.seed(), Policy.replay(decisions.keepingOnly(keep)));
    }
}

package dev.simloop.junit;

import dev.simloop.Seeds;
import dev.simloop.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds one {@link SimTest} method runs, in order: the remembered last failure, then its share of the unsharded
 * list (the exact seed alone, or the regressions followed by the sweep's seeds).
 *
 * <p>Shard {@code i/n} of a list of N seeds takes positions {@code [(i-1)N/n, iN/n)} (integer division): the shares are
 * contiguous, in order, differ in size by at most one, and together hold every position exactly once. The sweep's
 * seed at position j is {@link dev.simloop.Seeds#of}{@code (BASE, j)} whichever shard runs it.
 */
final class SeedPlan {

    /** The base seed of every sweep: the same seeds each build, so that a failure in CI fails again locally. */
    static final long BASE = 0;

    /** SplitMix64's increment: {@code Seeds.of(base, from + j) == Seeds.of(base + from * GOLDEN, j)}. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /**
     * One seed to run on its own.
     *
     * @param seed the seed
     * @param why why it runs: "the seed that failed last time", "regression", "" for the sweep or the exact seed
     */
    record Single(long seed, String why) {}

    private final List<Single> singles;
    private final int sweepFrom;
    private final int sweepCount;
    private final String shard;
    private final Long remembered;

    private SeedPlan(List<Single> singles, int sweepFrom, int sweepCount, String shard, Long remembered) {
        this.remembered = remembered;
        this.singles = List.copyOf(singles);
        this.sweepFrom = sweepFrom;
        this.sweepCount = sweepCount;
        this.shard = shard;
    }

    /**
     * The plan of {@code config}.
     *
     * @param remembered the seed that failed last time, or null
     */
    static SeedPlan of(SimConfig config, Long remembered) {
        List<Single> unsharded = new ArrayList<>();
        int seeds = 0;
        if (config.exactSeed() != null) {
            unsharded.add(new Single(config.exactSeed(), ""));
        } else {
            for (long r : config.regressions()) {
                unsharded.add(new Single(r, "regression"));
            }
            seeds = config.seeds();
        }
        int n = unsharded.size() + seeds;
        int i = config.shard()[0];
        int count = config.shard()[1];
        int lo = (int) ((long) (i - 1) * n / count);
        int hi = (int) ((long) i * n / count);
        List<Single> singles = new ArrayList<>(unsharded.subList(Math.min(lo, unsharded.size()),
                Math.min(hi, unsharded.size())));
        if (remembered != null && singles.stream().noneMatch(s -> s.seed() == remembered)) {
            singles.add(0, new Single(remembered, "the seed that failed last time"));
        }
        int from = Math.max(lo - unsharded.size(), 0);
        int to = Math.max(hi - unsharded.size(), 0);
        String shard = config.sharded() ? " in shard " + i + "/" + count + " (positions " + lo + " to " + hi
                + " of " + n + ")" : "";
        return new SeedPlan(singles, from, to - from, shard, remembered);
    }

    /** The seeds that run on their own, before the sweep. */
    List<Single> singles() {
        return singles;
    }

    /** The seed that failed last time, which runs first; null if none was remembered. */
    Long remembered() {
        return remembered;
    }

    /** How many of the sweep's seeds run. */
    int sweepCount() {
        return sweepCount;
    }

    /** The base seed of a {@link Simulation#seeds(long, int) sweep} over exactly this plan's share of the seeds. */
    long sweepBase() {
        return BASE + sweepFrom * GOLDEN;
    }

    /** The sweep's seed at {@code index} of this plan's share. */
    long sweepSeed(int index) {
        return Seeds.of(BASE, sweepFrom + index);
    }

    /** How many runs in all. */
    int total() {
        return singles.size() + sweepCount;
    }

    /** " in shard 2/4 (positions 250 to 500 of 1000)", or "" when not sharded. */
    String shard() {
        return shard;
    }
}

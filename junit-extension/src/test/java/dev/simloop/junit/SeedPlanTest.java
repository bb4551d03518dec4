package dev.simloop.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.TraceLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shard arithmetic: every position in exactly one shard, in order, shares differing by at most one. */
class SeedPlanTest {

    private static SimConfig config(int seeds, long[] regressions, int shard, int shards) {
        return new SimConfig("T#m", seeds, null, "RANDOM", regressions, 1, null, TraceLevel.OFF, 1, false, 1, false,
                new int[] {shard, shards}, -1, null, false, null);
    }

    private static List<Long> seedsOf(SeedPlan plan) {
        List<Long> seeds = new ArrayList<>();
        plan.singles().forEach(s -> seeds.add(s.seed()));
        IntStream.range(0, plan.sweepCount()).forEach(i -> seeds.add(plan.sweepSeed(i)));
        return seeds;
    }

    @Test
    void shardsCoverEveryPositionOnceInOrder() {
        for (int seeds : new int[] {1, 2, 7, 10, 1000}) {
            for (int shards = 1; shards <= 12; shards++) {
                List<Long> all = seedsOf(SeedPlan.of(config(seeds, new long[] {0xa, 0xb}, 1, 1), null));
                List<Long> joined = new ArrayList<>();
                int smallest = Integer.MAX_VALUE;
                int largest = 0;
                for (int i = 1; i <= shards; i++) {
                    SeedPlan plan = SeedPlan.of(config(seeds, new long[] {0xa, 0xb}, i, shards), null);
                    joined.addAll(seedsOf(plan));
                    smallest = Math.min(smallest, plan.total());
                    largest = Math.max(largest, plan.total());
                }
                assertThat(joined).as("%d seeds over %d shards", seeds, shards).isEqualTo(all);
                assertThat(largest - smallest).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aShardsSweepBaseGivesTheSameSeedsAsTheUnshardedSweep() {
        SeedPlan plan = SeedPlan.of(config(10, new long[0], 2, 3), null);
        List<Long> expected = IntStream.range(3, 6).mapToObj(i -> Seeds.of(SeedPlan.BASE, i)).toList();
        assertThat(IntStream.range(0, 3).mapToObj(i -> Seeds.of(plan.sweepBase(), i)).toList())
                .isEqualTo(expected);
        assertThat(seedsOf(plan)).isEqualTo(expected);
    }

    @Test
    void theRememberedSeedComesFirstUnlessItIsAlreadyASingle() {
        assertThat(SeedPlan.of(config(3, new long[] {0xa}, 1, 1), 0xfL).singles()).containsExactly(
                new SeedPlan.Single(0xf, "the seed that failed last time"), new SeedPlan.Single(0xa, "regression"));
        assertThat(SeedPlan.of(config(3, new long[] {0xa}, 1, 1), 0xaL).singles())
                .containsExactly(new SeedPlan.Single(0xa, "regression"));
    }
}

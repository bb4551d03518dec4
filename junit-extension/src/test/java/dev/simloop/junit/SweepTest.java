package dev.simloop.junit;

import static dev.simloop.junit.Fixtures.failure;
import static dev.simloop.junit.Fixtures.run;
import static dev.simloop.junit.Fixtures.runAgain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.LimitExceededException;
import dev.simloop.NondeterminismException;
import dev.simloop.RunResult;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.Events;

/** Sweeps: the failing seed and its replay line, the remembered seed, regressions, shards, threads. */
class SweepTest {

    private static final Class<?> FIXTURE = SweepFixturesTestCase.class;

    @BeforeEach
    void clear() {
        SweepFixturesTestCase.SEEDS.clear();
        SweepFixturesTestCase.fail = false;
    }

    private static String fingerprint(Throwable t) {
        Matcher m = Pattern.compile("trace fingerprint (0x[0-9a-f]{16})").matcher(t.getMessage());
        assertThat(m.find()).as("fingerprint in %s", t.getMessage()).isTrue();
        return m.group(1);
    }

    /**
     * The seed of the run a sweep under a sampling policy makes first: one FIFO run of the body, which gives the test's
     * step count k (PCT's change points, the fair tail).
     */
    private static final long STEP_COUNT_RUN = 0L;

    private static List<Long> sweepSeeds(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Seeds.of(SeedPlan.BASE, i)).toList();
    }

    /** The seeds a sweep's body sees: the step-count run's, then those of {@code [from, to)}. */
    private static List<Long> afterStepCountRun(List<Long> seeds) {
        List<Long> all = new java.util.ArrayList<>(List.of(STEP_COUNT_RUN));
        all.addAll(seeds);
        return all;
    }

    @Test
    void aFailingSweepReportsItsSeedAndReplayLineAndShrinksTheInterleaving() {
        Throwable t = failure(run(FIXTURE, "losesAnUpdate"));
        assertThat(t.getMessage()).startsWith("SweepFixturesTestCase#losesAnUpdate failed on run 4 of 50: seed "
                + "0xf88bb8a8724c81ec, policy RANDOM, ended at virtual time 0 s after 9 steps, trace fingerprint ")
                .contains("\nReplay: @SimTest(seed = \"0xf88bb8a8724c81ec\", policy = \"RANDOM\")  or  "
                        + "-Dtest=SweepFixturesTestCase#losesAnUpdate -Dsimloop.seed=0xf88bb8a8724c81ec "
                        + "-Dsimloop.policy=RANDOM\n")
                .contains("\nShrunk to 1 delay (step 2) from FIFO, per task:\n| step | time | losesAnUpdate");
        assertThat(t.getCause()).hasMessageContaining("[counter] \nexpected: 2\n but was: 1");
    }

    @Test
    void aBodyThatDrivesTheLoopIsSweptShrunkAndPassesUnderFifo() {
        Throwable t = failure(run(FIXTURE, "losesAnUpdateDrivingTheLoop"));
        assertThat(t.getMessage()).startsWith("SweepFixturesTestCase#losesAnUpdateDrivingTheLoop failed on run ")
                .contains("\nReplay: @SimTest(seed = \"")
                .contains("\nShrunk to 1 delay (step ");
        assertThat(t.getCause()).hasMessageContaining("[counter] \nexpected: 2\n but was: 1");
        Events fifo = run(FIXTURE, "drivesTheLoopUnderFifo");
        assertThat(fifo.failed().count()).isZero();
        assertThat(fifo.succeeded().filter(e -> e.getTestDescriptor().isTest()).count()).isEqualTo(1);
    }

    @Test
    void theReplayLineReproducesTheSameFingerprint() {
        String original = fingerprint(failure(run(FIXTURE, "losesAnUpdate")));
        Throwable byProperty = failure(run(FIXTURE, "losesAnUpdate",
                Map.of("simloop.seed", "0xf88bb8a8724c81ec", "simloop.policy", "RANDOM")));
        Throwable byAttribute = failure(run(FIXTURE, "losesAnUpdateOnTheReportedSeed"));
        assertThat(byProperty.getMessage()).startsWith("SweepFixturesTestCase#losesAnUpdate failed on run 1 of 1: "
                + "seed 0xf88bb8a8724c81ec");
        assertThat(fingerprint(byProperty)).isEqualTo(original);
        assertThat(fingerprint(byAttribute)).isEqualTo(original);
    }

    @Test
    void theLastFailingSeedIsRememberedAndRunsFirstNextTime() throws Exception {
        long sixth = Seeds.of(SeedPlan.BASE, 5);
        String hex = String.format("0x%016x", sixth);
        assertThat(failure(run(FIXTURE, "failsOnTheSixthSeed")).getMessage())
                .startsWith("SweepFixturesTestCase#failsOnTheSixthSeed failed on run 6 of 10: seed " + hex);
        assertThat(Files.readString(Fixtures.lastFailureFile(FIXTURE, "failsOnTheSixthSeed"))).isEqualTo(hex + "\n");
        assertThat(failure(runAgain(FIXTURE, "failsOnTheSixthSeed", Map.of())).getMessage()).startsWith(
                "SweepFixturesTestCase#failsOnTheSixthSeed failed on run 1 of 11 (the seed that failed last time): "
                        + "seed " + hex);
    }

    @Test
    void theRememberedSeedIsForgottenWhenTheTestPassesAgain() {
        SweepFixturesTestCase.fail = true;
        assertThat(failure(run(FIXTURE, "failsWhileToldTo")).getMessage()).contains(" failed on run 1 of 3: ");
        assertThat(Fixtures.lastFailureFile(FIXTURE, "failsWhileToldTo")).exists();
        SweepFixturesTestCase.fail = false;
        assertThat(Fixtures.failures(runAgain(FIXTURE, "failsWhileToldTo", Map.of()))).isEmpty();
        assertThat(Fixtures.lastFailureFile(FIXTURE, "failsWhileToldTo")).doesNotExist();
    }

    @Test
    void regressionsRunFirstThenTheSweep() {
        assertThat(Fixtures.failures(run(FIXTURE, "runsRegressionsFirst"))).isEmpty();
        assertThat(SweepFixturesTestCase.SEEDS).containsExactly(STEP_COUNT_RUN, 0xabL, 0xcdL,
                Seeds.of(0, 0), Seeds.of(0, 1));
    }

    @Test
    void shardsSplitTheSeedsWithoutOverlapOrGap() {
        List<List<Long>> shares = IntStream.rangeClosed(1, 3).mapToObj(i -> {
            SweepFixturesTestCase.SEEDS.clear();
            assertThat(Fixtures.failures(run(FIXTURE, "recordsItsSeeds", Map.of("simloop.shard", i + "/3"))))
                    .isEmpty();
            return List.copyOf(SweepFixturesTestCase.SEEDS);
        }).toList();
        assertThat(shares).containsExactly(afterStepCountRun(sweepSeeds(0, 3)), afterStepCountRun(sweepSeeds(3, 6)),
                afterStepCountRun(sweepSeeds(6, 10)));
    }

    @Test
    void shardsSplitRegressionsAndSeedsAsOneList() {
        SweepFixturesTestCase.SEEDS.clear();
        run(FIXTURE, "runsRegressionsFirst", Map.of("simloop.shard", "1/2"));
        assertThat(SweepFixturesTestCase.SEEDS).containsExactly(STEP_COUNT_RUN, 0xabL, 0xcdL);
        SweepFixturesTestCase.SEEDS.clear();
        run(FIXTURE, "runsRegressionsFirst", Map.of("simloop.shard", "2/2"));
        assertThat(SweepFixturesTestCase.SEEDS).containsExactlyElementsOf(afterStepCountRun(sweepSeeds(0, 2)));
    }

    @Test
    void aShardWithNoSeedsIsSkippedSayingSo() {
        Events events = run(FIXTURE, "runsRegressionsFirst", Map.of("simloop.seeds", "1", "simloop.shard", "1/4"));
        assertThat(events.aborted().list()).singleElement().satisfies(e -> assertThat(e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .hasMessage("SweepFixturesTestCase#runsRegressionsFirst has no seeds to run in shard 1/4 "
                        + "(positions 0 to 0 of 3)."));
    }

    @Test
    void seedsRunOnSeveralThreadsAllRun() {
        assertThat(Fixtures.failures(run(FIXTURE, "runsOnTwoThreads"))).isEmpty();
        assertThat(SweepFixturesTestCase.SEEDS).containsExactlyInAnyOrderElementsOf(afterStepCountRun(sweepSeeds(0, 40)));
    }

    @Test
    void theSeedsPropertyOverridesTheAttribute() {
        run(FIXTURE, "recordsItsSeeds", Map.of("simloop.seeds", "4"));
        assertThat(SweepFixturesTestCase.SEEDS).containsExactlyElementsOf(afterStepCountRun(sweepSeeds(0, 4)));
    }

    private static List<Map<String, String>> entries(Events events) {
        return events.reportingEntryPublished().stream().map(e -> e.getRequiredPayload(
                ReportEntry.class).getKeyValuePairs()).toList();
    }

    /** The extension's log lines while {@code action} runs, as "LEVEL message". */
    private static List<String> logged(Runnable action) {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.simloop.junit");
        log.addHandler(handler);
        try {
            action.run();
        } finally {
            log.removeHandler(handler);
        }
        return lines;
    }

    private static final String RATE = "(- |[0-9,.]+ )runs/s";

    @Test
    void aSweepThatExploredNothingWarnsInItsReportAndOnTheLog() {
        String warning = "The sweep explored nothing: in 5 runs under PORTFOLIO(k=5) no step ever had two or more "
                + "ready callbacks to choose from, so every run took the same order. Let tasks run concurrently "
                + "(create them before awaiting them) for seeds to matter.";
        Events[] events = new Events[1];
        List<String> log = logged(() -> events[0] = run(FIXTURE, "exploresNothing"));
        List<Map<String, String>> entries = entries(events[0]);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("simloop.summary"))
                .matches("SweepFixturesTestCase#exploresNothing passed 5 runs under PORTFOLIO, " + RATE);
        assertThat(entries.get(1)).containsExactly(Map.entry("simloop.warning", warning));
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).matches("INFO simloop: SweepFixturesTestCase#exploresNothing passed 5 runs under "
                + "PORTFOLIO, " + RATE);
        assertThat(log.get(1)).isEqualTo("WARNING simloop: SweepFixturesTestCase#exploresNothing: " + warning);
    }

    @Test
    void aPassingSweepSaysWhatItRanAndAShardSaysWhichShare() {
        assertThat(entries(run(FIXTURE, "recordsItsSeeds", Map.of("simloop.seeds", "4"))).get(0)
                .get("simloop.summary")).matches("SweepFixturesTestCase#recordsItsSeeds passed 4 runs under RANDOM, "
                        + RATE);
        assertThat(entries(run(FIXTURE, "recordsItsSeeds", Map.of("simloop.seeds", "4", "simloop.shard", "2/2")))
                .get(0).get("simloop.summary")).matches("SweepFixturesTestCase#recordsItsSeeds passed 2 runs under "
                        + "RANDOM in shard 2/2 \\(positions 2 to 4 of 4\\), " + RATE);
    }

    @Test
    void aLongSweepReportsItsProgressAtTheIntervalGiven() {
        List<String> log = logged(() -> {
            List<Map<String, String>> entries = entries(run(FIXTURE, "recordsItsSeeds", Map.of("simloop.seeds", "3",
                    "simloop.progress", "PT0S")));
            assertThat(entries).hasSize(4); // and the warning: the fixture's body has one task
            assertThat(entries.get(0).get("simloop.progress"))
                    .matches("SweepFixturesTestCase#recordsItsSeeds: 1 of 3 seeds, " + RATE + ", 0 failed so far");
            assertThat(entries.get(1).get("simloop.progress"))
                    .matches("SweepFixturesTestCase#recordsItsSeeds: 2 of 3 seeds, " + RATE + ", 0 failed so far");
            assertThat(entries.get(2)).containsOnlyKeys("simloop.summary");
            assertThat(entries.get(3)).containsOnlyKeys("simloop.warning");
        });
        assertThat(log).hasSize(4);
        assertThat(log.get(0)).matches("INFO simloop: SweepFixturesTestCase#recordsItsSeeds: 1 of 3 seeds, .*");
        assertThat(entries(run(FIXTURE, "recordsItsSeeds", Map.of("simloop.seeds", "3", "simloop.progress", "off"))))
                .map(Map::keySet).containsExactly(java.util.Set.of("simloop.summary"),
                        java.util.Set.of("simloop.warning"));
        assertThat(entries(run(FIXTURE, "recordsItsSeeds", Map.of("simloop.seeds", "3")))) // every 10 s by default
                .map(Map::keySet).containsExactly(java.util.Set.of("simloop.summary"),
                        java.util.Set.of("simloop.warning"));
    }

    @Test
    void progressCountsFailuresAndPacesItselfByTheClockItIsGiven() {
        List<String> lines = new ArrayList<>();
        long[] now = {0};
        SweepProgress p = new SweepProgress("T#m", 5, java.time.Duration.ofSeconds(10), () -> now[0], lines::add);
        RunResult passed = new RunResult(1, "RANDOM", null, 10, 0, dev.simloop.Decisions.of(1, 0), null, 0);
        RunResult failed = new RunResult(2, "RANDOM", new AssertionError("x"), 10, 0,
                dev.simloop.Decisions.of(2, 0), null, 1);
        now[0] = 4_000_000_000L;
        p.accept(passed); // 4 s: not yet
        now[0] = 10_000_000_000L;
        p.accept(failed); // 10 s: report
        now[0] = 15_000_000_000L;
        p.accept(passed); // 5 s after the last report: not yet
        now[0] = 20_000_000_000L;
        p.accept(passed); // report
        p.accept(passed); // the last run: the summary says the rest
        assertThat(lines).containsExactly("T#m: 2 of 5 seeds, 0.2 runs/s, 1 failed so far",
                "T#m: 4 of 5 seeds, 0.2 runs/s, 1 failed so far");
    }

    @Test
    void aFailingRunsTraceIsWrittenAsTextChromeJsonAndAnHtmlTimelineAndPublished() throws Exception {
        Events events = run(FIXTURE, "failsOnTheSixthSeed");
        String base = "target/simloop/traces/dev.simloop.junit.SweepFixturesTestCase#failsOnTheSixthSeed-"
                + String.format("0x%016x", Seeds.of(SeedPlan.BASE, 5));
        assertThat(Files.readString(Path.of(base + ".txt"))).startsWith("#0 0 s failsOnTheSixthSeed created\n");
        assertThat(Files.readString(Path.of(base + ".json"))).contains("\"failsOnTheSixthSeed\"");
        assertThat(Files.readString(Path.of(base + ".html")))
                .startsWith("<!DOCTYPE html>")
                .contains("<title>seed " + String.format("0x%016x", Seeds.of(SeedPlan.BASE, 5)));
        assertThat(events.reportingEntryPublished().list()).extracting(e -> e.getRequiredPayload(ReportEntry.class)
                .getKeyValuePairs()).containsExactly(Map.of("simloop.trace", base + ".txt"),
                        Map.of("simloop.chromeTrace", base + ".json"), Map.of("simloop.timeline", base + ".html"));
    }

    @Test
    void perSeedInvocationsFailOnlyTheFailingSeedsInvocationNamingItsRun() {
        Events events = run(FIXTURE, "failsOnTheThirdSeedInItsOwnInvocation");
        assertThat(events.failed().count()).isEqualTo(1);
        assertThat(events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count()).isEqualTo(3);
        assertThat(failure(events).getMessage()).startsWith(
                "SweepFixturesTestCase#failsOnTheThirdSeedInItsOwnInvocation failed on run 3 of 4: seed "
                        + String.format("0x%016x", Seeds.of(SeedPlan.BASE, 2)));
    }

    @Test
    void theDeterminismCheckCatchesStateOutsideTheSeed() {
        assertThat(failure(run(FIXTURE, "dependsOnStateOutsideTheSeed")).getCause())
                .isInstanceOf(NondeterminismException.class).hasMessageStartingWith("Nondeterminism: seed "
                        + "0xe220a8397b1dcdaf under FIFO ran twice and the runs parted at step ");
    }

    @Test
    void theStepLimitEndsARunThatNeverStops() {
        assertThat(failure(run(FIXTURE, "neverStops")).getCause()).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("100");
    }

    @Test
    void theReportKeepsWhatWentWrongWhileTheLeftoverTasksWereCancelled() {
        Throwable t = failure(run(FIXTURE, "leavesATaskThatSwallowsItsCancellation"));
        assertThat(t.getMessage()).contains("Failure: java.lang.AssertionError: simloop found 2 problems in "
                + "leavesATaskThatSwallowsItsCancellation:\n  - PENDING_TASK: Task 'stubborn' was still pending when "
                + "the test body returned")
                .contains("\nAnd then: The run passed its step limit (maxSteps = 1000, again while cancelling the "
                        + "tasks left after the run)")
                .contains("Look for a task that catches CancelledException and goes on instead of ending");
        assertThat(t.getCause().getSuppressed()).anySatisfy(s -> assertThat(s)
                .isInstanceOf(dev.simloop.LimitExceededException.class));
    }
}

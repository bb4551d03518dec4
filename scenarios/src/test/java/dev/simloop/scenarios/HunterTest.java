package dev.simloop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hunter's commands, output and exit codes, run in-process. */
class HunterTest {

    /** What one run of the hunter printed and returned. */
    record Outcome(int code, String out, String err) {
        /** The output with the runs-per-second column (the one nondeterministic value) replaced by "N". */
        String outWithoutSpeed() {
            return out.replaceAll("(?m)[ \\d]{8}\\d(  (?:\\d+|-))$", "        N$1");
        }
    }

    private static Outcome run(List<Scenario> catalog, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hunter.run(catalog, new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Outcome run(String... args) {
        return run(Catalog.all(), args);
    }

    @Test
    void listPrintsEveryScenarioOnOneLine() {
        Outcome o = run("list");
        assertThat(o.code()).isZero();
        assertThat(o.out().lines()).hasSize(16).first().isEqualTo(
                "lost-update          a transfer writes back balances read before an await, erasing a deposit");
        assertThat(o.out().lines().map(l -> l.substring(0, l.indexOf(' '))).toList())
                .isEqualTo(Catalog.all().stream().map(Scenario::name).toList());
    }

    @Test
    void huntReportsTheFirstFailingSeedOfTheBuggyVersionAndChecksTheFixedOne() {
        Outcome o = run("hunt", "lost-update", "--seeds", "300");
        assertThat(o.code()).isZero();
        assertThat(o.outWithoutSpeed()).isEqualTo("""
                scenario             policy     seeds tried  first failing seed     runs/s  delays after shrinking
                lost-update (buggy)  PORTFOLIO            1  0x09f1fd9d03f0a9b4          N  1
                lost-update (fixed)  PORTFOLIO          300  -                           N  -

                lost-update (buggy): seed 0x09f1fd9d03f0a9b4 (PORTFOLIO:POS) failed with AssertionError: lost \
                update: alice has 70 and bob 30, expected 70 and 80
                  replay: mvn -B -q -Pmain -pl scenarios -am verify -DskipTests -Dhunt="replay lost-update --seed \
                0x09f1fd9d03f0a9b4"

                Bugs found: 1 of 1. Fixed versions that failed a seed: 0 of 1.
                """);
        assertThat(o.err()).contains("hunting lost-update (buggy): up to 300 seeds...");
    }

    @Test
    void huntWithAnotherPolicyNamesItInTheReplayCommand() {
        Outcome o = run("hunt", "stale-read", "--policy", "pct(3)", "--threads", "2", "--seeds", "50");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("stale-read (buggy)  PCT(depth=3)            7  0x296cd0f2c21d7f90")
                .contains("-Dhunt=\"replay stale-read --seed 0x296cd0f2c21d7f90 --policy PCT(3)\"");
    }

    @Test
    void anExhaustiveHuntReportsTheFailingScheduleAndTheGuaranteeForTheFix() {
        Outcome o = run("hunt", "lost-signal", "--exhaustive", "--delays", "1");
        assertThat(o.code()).isZero();
        assertThat(o.out()).isEqualTo("""
                lost-signal (buggy): schedule 2 failed with AssertionError: lost signal: the consumer still waits \
                after 1 s beside [order-1], 1 delay (step 2)
                  replay: mvn -B -q -Pmain -pl scenarios -am verify -DskipTests -Dhunt="replay lost-signal --schedule \
                \\"seed=0x09f1fd9d03f0a9b4 scope=step picks=1/2\\""
                lost-signal (fixed): All 6 schedules with at most 1 delay pass.

                Bugs found: 1 of 1. Fixed versions that failed a schedule: 0 of 1.
                """);
        Outcome replay = run("replay", "lost-signal", "--schedule", "seed=0x09f1fd9d03f0a9b4 scope=step picks=1/2");
        assertThat(replay.out()).contains("policy REPLAY(SCHEDULE): failed with java.lang.AssertionError: lost "
                + "signal: the consumer still waits after 1 s beside [order-1]\n  14 steps, virtual time 1 s, 4 "
                + "decisions, 1 delay (step 2) from FIFO");
        assertThat(run("replay", "lost-signal", "--schedule", "picks=1").err())
                .contains("Bad --schedule: 'picks=1' is not a schedule: it must start with seed= and have picks=.");
    }

    @Test
    void aBugNotFoundIsSaidAndIsNoError() {
        Outcome o = run("hunt", "lost-update", "--policy", "FIFO", "--seeds", "5");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("lost-update (buggy): no failing seed in 5 seeds\n")
                .endsWith("Bugs found: 0 of 1. Fixed versions that failed a seed: 0 of 1.\n");
    }

    @Test
    void aFixedVersionThatFailsMakesTheExitCode1() {
        Scenario lostUpdate = LostUpdate.scenario();
        Scenario broken = new Scenario("broken-fix", "a fix that is not one", lostUpdate.buggy(), lostUpdate.buggy(),
                20);
        Outcome o = run(List.of(broken), "hunt", "all");
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.out()).contains("broken-fix (fixed) FAILED: seed 0x09f1fd9d03f0a9b4 (PORTFOLIO:POS) failed with "
                + "AssertionError")
                .contains("--variant fixed\"")
                .endsWith("Bugs found: 1 of 1. Fixed versions that failed a seed: 1 of 1.\n");
    }

    @Test
    void replayPrintsTheRunStepByStepWithSourceLines() {
        Outcome o = run("replay", "lost-update", "--seed", "0x09f1fd9d03f0a9b4");
        assertThat(o.code()).isZero();
        assertThat(o.out()).startsWith("""
                lost-update (buggy): a transfer writes back balances read before an await, erasing a deposit
                seed 0x09f1fd9d03f0a9b4, policy PORTFOLIO:POS: failed with java.lang.AssertionError: lost update: \
                alice has 70 and bob 30, expected 70 and 80
                  9 steps, virtual time 0.002 s, 3 decisions, 1 delay (step 4) from FIFO, trace fingerprint \
                0x4208b6c42dc7a35d

                #0 0 s main created
                """).contains("#2 0 s transfer alice->bob suspended on sleep 0.002 s (LostUpdate.java:62)\n")
                .endsWith("\njava.lang.AssertionError: lost update: alice has 70 and bob 30, expected 70 and 80\n");
    }

    @Test
    void huntSavesTheShrunkDecisionsAndReplayRunsThem(@TempDir Path dir) throws IOException {
        Outcome hunt = run("hunt", "lost-update", "--seeds", "20", "--save", dir.toString());
        Path file = dir.resolve("lost-update-buggy.decisions");
        assertThat(hunt.out()).contains("  shrunk: mvn -B -q -Pmain -pl scenarios -am verify -DskipTests "
                + "-Dhunt=\"replay lost-update --decisions " + file + "\"\n");
        assertThat(Files.readString(file)).isEqualTo("""
                simloop-decisions 2
                seed 0x09f1fd9d03f0a9b4
                policy REPLAY(PORTFOLIO:POS)
                scope step
                delays 1 at 4
                0/2 1/2 0/2 0/2
                """);
        Outcome replay = run("replay", "lost-update", "--decisions", file.toString());
        assertThat(replay.code()).isZero();
        assertThat(replay.out()).contains("4 decisions, 1 delay (step 4) from FIFO")
                .contains("#4 0.002 s deposit bob timer fired due at 0.002 s\n");
    }

    @Test
    void replayAsATableJsonAndAnHtmlTimeline() {
        assertThat(run("replay", "lost-update", "--seed", "0x9F1FD9D03F0A9B4", "--format", "table").out())
                .contains("| step | time    | main ").contains("0x09f1fd9d03f0a9b4");
        assertThat(run("replay", "lost-update", "--seed", "0x09f1fd9d03f0a9b4", "--format", "json").out())
                .startsWith("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[");
        assertThat(run("replay", "lost-update", "--seed", "0x09f1fd9d03f0a9b4", "--format", "html").out())
                .startsWith("<!DOCTYPE html>").contains("<title>seed 0x09f1fd9d03f0a9b4").endsWith("</html>\n");
    }

    @Test
    void badArgumentsGiveAOneLineErrorAndTheUsageWithExitCode2() {
        assertBadArguments(run("hunt", "nope"), "Unknown scenario 'nope': use one of lost-update, cache-stampede, "
                + "lock-ordering, missed-wakeup, lost-signal, timeout-at-deadline, cancel-leak, producer-consumer, "
                + "retry-backoff, lease-expiry, rate-limiter, stale-read, fire-and-forget, quorum-read, split-leader, redelivery, or all.");
        assertBadArguments(run("replay", "lost-update", "--seed", "0xZZ"), "Invalid value for option '--seed': "
                + "'0xZZ' is not a seed: give it as simloop prints seeds, 0x and 1 to 16 hex digits "
                + "(0x00000000000000ab).");
        assertBadArguments(run("hunt", "all", "--policy", "LIFO"), "Invalid value for option '--policy': 'LIFO' is "
                + "not a policy: use FIFO, RANDOM, POS, PORTFOLIO or PCT(depth), for example PCT(3), optionally "
                + "followed by /iteration.");
        assertBadArguments(run("hunt", "all", "--seeds", "0"), "--seeds must be at least 1, was 0.");
        assertBadArguments(run("replay", "all", "--seed", "0x1"), "Unknown scenario 'all': use one of lost-update, "
                + "cache-stampede, lock-ordering, missed-wakeup, lost-signal, timeout-at-deadline, cancel-leak, "
                + "producer-consumer, retry-backoff, lease-expiry, rate-limiter, stale-read, fire-and-forget, quorum-read, split-leader, redelivery.");
        assertBadArguments(run(), "Missing command: use list, hunt or replay.");
        assertBadArguments(run("replay", "lost-update"), "Error: Missing required argument (specify one of these): "
                + "(--seed=S | --decisions=FILE | --schedule=LINE)");
        assertBadArguments(run("replay", "lost-update", "--decisions", "no-such.decisions"), "Cannot read the "
                + "decisions file no-such.decisions: java.nio.file.NoSuchFileException: no-such.decisions.");
    }

    private static void assertBadArguments(Outcome o, String error) {
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err().lines().toList()).first().isEqualTo(error);
        assertThat(o.err().lines().skip(1).findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("Usage: "));
    }
}

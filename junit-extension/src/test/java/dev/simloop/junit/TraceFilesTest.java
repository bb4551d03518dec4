package dev.simloop.junit;

import static dev.simloop.junit.Fixtures.failure;
import static dev.simloop.junit.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a failing {@code @SimTest} writes: each file capped, the shrunk run beside the failed one, cuts reported. */
class TraceFilesTest {

    private static final Class<?> FIXTURE = TraceFilesFixturesTestCase.class;
    private static final String DIR = "target/simloop/traces/dev.simloop.junit.TraceFilesFixturesTestCase#";

    @Test
    void aLongRunsFilesHoldItsLastEventsAndTheReportSaysWhatWasCut() throws Exception {
        Throwable t = failure(run(FIXTURE, "failsAfterSixtyThousandYields"));
        String base = DIR + "failsAfterSixtyThousandYields-0x0000000000000001";
        List<String> text = Files.readAllLines(Path.of(base + ".txt"));
        assertThat(text).hasSize(100_001);
        assertThat(text.get(0)).isEqualTo("(first 20003 of 120003 events dropped; replay seed 0x0000000000000001 (the "
                + "failure's Replay line) for the rest)");
        assertThat(text.get(100_000)).isEqualTo("#60001 0 s failsAfterSixtyThousandYields failed with "
                + "java.lang.IllegalStateException: failed after 60,000 yields");
        String json = Files.readString(Path.of(base + ".json"));
        assertThat(json).startsWith("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"note\":\"first 20003 of 120003 "
                + "events dropped; replay seed 0x0000000000000001 (the failure's Replay line) for the rest\"},");
        String html = Files.readString(Path.of(base + ".html"));
        assertThat(html).contains("<p class=\"summary\">first 110003 of 120003 events dropped; replay seed "
                + "0x0000000000000001 (the failure&#39;s Replay line) for the rest; the last 10000 events, 60001 steps");
        assertThat(Files.size(Path.of(base + ".txt"))).isLessThan(8_000_000);
        assertThat(Files.size(Path.of(base + ".json"))).isLessThan(20_000_000);
        assertThat(Files.size(Path.of(base + ".html"))).isLessThan(6_000_000);
        assertThat(Files.exists(Path.of(base + ".shrunk.txt"))).isFalse();
        assertThat(t.getMessage()).endsWith("\nTrace: " + base + ".txt (Chrome JSON: " + base + ".json; timeline: "
                + base + ".html)\nThe trace files are cut: the failed run had 120,003 events; its text and JSON hold "
                + "the last 100,000, its timeline the last 10,000. For the rest, replay the seed and render the run's "
                + "trace (Simulation.run(seed).trace()).");
    }

    @Test
    void aTraceTheLoopCutIsWrittenAsHeldAndTheReportNamesTheAttributeToRaise() throws Exception {
        Throwable t = failure(run(FIXTURE, "failsAfterAThousandYieldsWithASmallTrace"));
        String base = DIR + "failsAfterAThousandYieldsWithASmallTrace-0x0000000000000001";
        List<String> text = Files.readAllLines(Path.of(base + ".txt"));
        assertThat(text).hasSize(1_001);
        assertThat(text.get(0)).isEqualTo("(first 1003 of 2003 events dropped; raise EventLoop.Builder.traceCapacity "
                + "(now 1000) to keep more)");
        assertThat(t.getMessage()).endsWith("\nThe trace files are cut: the failed run had 2,003 events; its text and "
                + "JSON hold the last 1,000, its timeline the last 1,000. For the rest, replay the seed and render the "
                + "run's trace (Simulation.run(seed).trace(); the loop held only the last 1,000: raise "
                + "@SimTest(traceCapacity)).");
    }

    @Test
    void aShrunkRunIsWrittenInFullBesideTheFailedOne() throws Exception {
        Throwable t = failure(run(FIXTURE, "losesAnUpdate"));
        String message = t.getMessage();
        String seed = message.replaceFirst("(?s).*?seed (0x[0-9a-f]{16}).*", "$1");
        String base = DIR + "losesAnUpdate-" + seed;
        assertThat(message).endsWith("\nFull trace: " + base + ".txt (Chrome JSON: " + base + ".json; timeline: "
                + base + ".html)\nShrunk run's trace: " + base + ".shrunk.txt");
        assertThat(Files.readString(Path.of(base + ".txt"))).startsWith("#0 0 s losesAnUpdate created\n");
        assertThat(Files.readString(Path.of(base + ".shrunk.txt"))).isEqualTo("""
                #0 0 s losesAnUpdate created
                #1 0 s losesAnUpdate started
                #1 0 s a created
                #1 0 s b created
                #1 0 s losesAnUpdate suspended on task 'a'
                #2 0 s b started
                #2 0 s b suspended on a bare yield
                #3 0 s a started
                #3 0 s a suspended on a bare yield
                #4 0 s b resumed
                #4 0 s b suspended on a bare yield
                #5 0 s a resumed
                #5 0 s a finished with null
                #6 0 s b resumed
                #6 0 s b finished with null
                #7 0 s losesAnUpdate resumed
                #7 0 s losesAnUpdate failed with org.opentest4j.AssertionFailedError: [counter]\s
                expected: 2
                 but was: 1
                """);
    }
}

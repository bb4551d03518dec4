package dev.simloop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    private static String timeline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        out.println(Demo.run(out));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoPrintsItsTimelineInVirtualTime() {
        assertThat(timeline()).isEqualTo("""
                virtual time  step  event
                     0.000 s     1  main      started
                     0.000 s     1  main      waits on task fetch-A
                     0.000 s     2  heartbeat started
                     0.000 s     2  heartbeat waits on sleep 100 ms
                     0.000 s     3  fetch-A   started
                     0.000 s     3  fetch-A   waits on sleep 120 ms
                     0.000 s     4  fetch-B   started
                     0.000 s     4  fetch-B   waits on sleep 40 ms
                     0.000 s     5  fetch-C   started
                     0.000 s     5  fetch-C   waits on sleep 300 ms
                     0.040 s     7  fetch-B   resumed
                     0.040 s     7  fetch-B   finished: B
                     0.100 s     9  heartbeat resumed
                     0.100 s     9  heartbeat waits on sleep 100 ms
                     0.120 s    11  fetch-A   resumed
                     0.120 s    11  fetch-A   finished: A
                     0.120 s    12  main      resumed
                     0.120 s    12  main      waits on task fetch-C
                     0.200 s    14  heartbeat resumed
                     0.200 s    14  heartbeat waits on sleep 100 ms
                     0.300 s    17  fetch-C   resumed
                     0.300 s    17  fetch-C   failed: upstream timed out
                     0.300 s    18  heartbeat resumed
                     0.300 s    18  heartbeat waits on sleep 100 ms
                     0.300 s    19  main      resumed
                     0.300 s    19  main      finished: results: A B fetch-C failed (upstream timed out) at virtual time 0.300 s
                     0.300 s    21  heartbeat resumed
                     0.300 s    21  heartbeat cancelled
                results: A B fetch-C failed (upstream timed out) at virtual time 0.300 s
                """);
    }

    @Test
    void demoIsTheSameOnEveryRun() {
        assertThat(timeline()).isEqualTo(timeline());
    }
}

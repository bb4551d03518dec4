package dev.simloop.docs.examples;

import dev.simloop.Decisions;
import dev.simloop.RunResult;
import dev.simloop.Seeds;
import dev.simloop.Simulation;
import dev.simloop.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class Timeline {
    // tag::example[]
    /** The timeline of chapter 9's lost update, shrunk: a self-contained HTML page. */
    public static String page() {
        RunResult shrunk = Simulation.of(SeededSweep::bothDepositsCount).seeds(0, 1000).sweep().shrunk().orElseThrow();
        Trace trace = shrunk.trace();
        return trace.renderHtml("Lost update, seed " + Seeds.format(shrunk.seed()), trace.lastFailureStep());
    }

    public static void main(String[] args) throws IOException {
        Path file = Files.writeString(Path.of("target", "lost-update.html"), page());
        System.out.println("open " + file + " in a browser");
    }
    // end::example[]
}

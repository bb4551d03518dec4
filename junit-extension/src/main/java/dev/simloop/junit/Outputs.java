package dev.simloop.junit;

import dev.simloop.RunResult;
import dev.simloop.Seeds;
import dev.simloop.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a {@link SimTest} method leaves under {@code target/simloop/} of the working directory (the module under
 * test): traces of failing runs, and the seed that failed last.
 *
 * <ul>
 *   <li>{@code target/simloop/traces/<class>#<method>-<seed>.txt}, {@code .json} and {@code .html}: the failing run's
 *       trace as text, as Chrome trace-event JSON and as an HTML timeline; its last {@value #FILE_EVENTS} events
 *       (the timeline its last {@value #TIMELINE_EVENTS}), so a long run writes tens of megabytes, not gigabytes;</li>
 *   <li>{@code target/simloop/traces/<class>#<method>-<seed>.shrunk.txt}, when shrinking changed the run: the shrunk
 *       run's trace as text, in full up to {@value #FILE_EVENTS} events;</li>
 *   <li>{@code target/simloop/last-failure/<class>#<method>.seed}: the last failing seed, as one line "0x" and 16 hex
 *       digits. Written when a seed fails, deleted when a run of the method that included that seed passes.</li>
 * </ul>
 * Names use the class's fully qualified name; characters other than letters, digits, '.', '#', '$', '_' and '-'
 * become '_'.
 */
final class Outputs {

    static final Path DIR = Path.of("target", "simloop");
    /** The most events a trace file holds: about 6 MB of text, 12 MB of JSON. */
    static final int FILE_EVENTS = 100_000;
    /** The most events the HTML timeline holds: about 4 MB, still quick in a browser. */
    static final int TIMELINE_EVENTS = 10_000;

    private final String name;

    /** The files of {@code method} run in {@code testClass} (which may inherit it). */
    Outputs(Class<?> testClass, Method method) {
        this.name = (testClass.getName() + "#" + method.getName())
                .replaceAll("[^A-Za-z0-9.#$_-]", "_");
    }

    /** The remembered seed file of this method. */
    Path lastFailureFile() {
        return DIR.resolve("last-failure").resolve(name + ".seed");
    }

    /** The seed that failed last time, or null if none is remembered (or the file is not one of ours). */
    Long lastFailure() {
        Path f = lastFailureFile();
        try {
            String s = Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8).trim() : "";
            return s.matches("0x[0-9a-f]{16}") ? Seeds.parse(s) : null;
        } catch (IOException e) {
            return null;
        }
    }

    void rememberFailure(long seed) {
        write(lastFailureFile(), Seeds.format(seed) + "\n");
    }

    void forgetFailure() {
        try {
            Files.deleteIfExists(lastFailureFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + lastFailureFile(), e);
        }
    }

    /**
     * What a failure wrote.
     *
     * @param text the failed run's text file; the JSON and HTML files have its name ending in ".json" and ".html"
     * @param shrunk the shrunk run's text file, or null when shrinking did not change the run
     * @param cut what the files leave out and how to get it, or "" when they hold every event
     */
    record Written(Path text, Path shrunk, String cut) {}

    /**
     * Writes the trace of the failed run as text, Chrome JSON and a self-contained HTML timeline, each its last
     * events, and the shrunk run's trace as text if it differs.
     */
    Written writeTrace(RunResult failed, RunResult shrunk) {
        String keepMore = "replay seed " + Seeds.format(failed.seed()) + " (the failure's Replay line) for the rest";
        Trace trace = failed.trace();
        Path base = DIR.resolve("traces").resolve(name + "-" + Seeds.format(failed.seed()));
        Trace inFile = trace.last(FILE_EVENTS, keepMore);
        write(Path.of(base + ".json"), inFile.renderChromeJson());
        Trace inTimeline = trace.last(TIMELINE_EVENTS, keepMore);
        write(Path.of(base + ".html"), new RunResult(failed.seed(), failed.policy(), failed.failure(), failed.steps(),
                failed.virtualTime(), failed.decisions(), inTimeline, failed.index()).renderHtml());
        Path text = Path.of(base + ".txt");
        write(text, inFile.renderText());
        Path shrunkText = null;
        Trace shrunkInFile = null;
        if (shrunk != failed && shrunk.trace() != null) {
            shrunkText = Path.of(base + ".shrunk.txt");
            shrunkInFile = shrunk.trace().last(FILE_EVENTS, keepMore);
            write(shrunkText, shrunkInFile.renderText());
        }
        return new Written(text, shrunkText, cut(trace, inFile, inTimeline, shrunkInFile));
    }

    /** "" if every file holds every event of its run; else what they leave out and how to get it. */
    private static String cut(Trace trace, Trace inFile, Trace inTimeline, Trace shrunk) {
        long events = trace.dropped() + trace.size();
        if (inTimeline.dropped() == 0 && (shrunk == null || shrunk.dropped() == 0)) {
            return "";
        }
        StringBuilder sb = new StringBuilder("The trace files are cut: the failed run had ")
                .append(String.format(java.util.Locale.ROOT, "%,d", events)).append(" events; its text and JSON hold ")
                .append(inFile.dropped() == 0 ? "all" : String.format(java.util.Locale.ROOT, "the last %,d",
                        inFile.size()))
                .append(String.format(java.util.Locale.ROOT, ", its timeline the last %,d", inTimeline.size()));
        if (shrunk != null && shrunk.dropped() > 0) {
            sb.append(String.format(java.util.Locale.ROOT, ", the shrunk run's text the last %,d of %,d",
                    shrunk.size(), shrunk.dropped() + shrunk.size()));
        }
        sb.append(". For the rest, replay the seed and render the run's trace (Simulation.run(seed).trace()");
        if (trace.dropped() > 0) {
            sb.append(String.format(java.util.Locale.ROOT, "; the loop held only the last %,d: raise "
                    + "@SimTest(traceCapacity)", trace.size()));
        }
        return sb.append(").").toString();
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}

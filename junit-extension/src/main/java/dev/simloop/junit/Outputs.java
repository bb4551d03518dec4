package dev.simloop.junit;

import dev.simloop.Decisions;
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
 *   <li>{@code target/simloop/traces/<class>#<method>-<seed>.txt} and {@code .json}: the failing run's full trace as
 *       text and as Chrome trace-event JSON;</li>
 *   <li>{@code target/simloop/last-failure/<class>#<method>.seed}: the last failing seed, as one line "0x" and 16 hex
 *       digits. Written when a seed fails, deleted when a run of the method that included that seed passes.</li>
 * </ul>
 * Names use the class's fully qualified name; characters other than letters, digits, '.', '#', '$', '_' and '-'
 * become '_'.
 */
final class Outputs {

    static final Path DIR = Path.of("target", "simloop");

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
     * Writes the trace of the failed run as text, Chrome JSON and a self-contained HTML timeline.
     *
     * @return the text file's path; the other two have the same name ending in ".json" and ".html"
     */
    Path writeTrace(RunResult run) {
        Trace trace = run.trace();
        Path base = DIR.resolve("traces").resolve(name + "-" + Seeds.format(run.seed()));
        write(Path.of(base + ".json"), trace.renderChromeJson());
        write(Path.of(base + ".html"), run.renderHtml());
        Path text = Path.of(base + ".txt");
        write(text, trace.renderText());
        return text;
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

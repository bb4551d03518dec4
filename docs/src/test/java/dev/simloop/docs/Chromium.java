package dev.simloop.docs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium driven by its command line alone (no WebDriver): {@code --dump-dom} prints a page's DOM after its
 * scripts ran, {@code --screenshot} saves a PNG. Each call starts a fresh browser with an empty profile.
 */
final class Chromium {

    /** The flags that work on a build machine without a display, D-Bus or network. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--force-device-scale-factor=1");
    /** A guard against a browser that hangs; not a bound any test asserts on. */
    private static final long GUARD_SECONDS = 120;

    private final Path binary;
    private final Path work;

    private Chromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /**
     * The browser named by {@code -Dsimloop.chromium}, else the first of chromium, chromium-browser, google-chrome
     * on the PATH; empty if there is none (or the one named is no executable file).
     */
    static Optional<Chromium> find(Path work) {
        String configured = System.getProperty("simloop.chromium");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(new Chromium(p, work)) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(new Chromium(p, work));
                }
            }
        }
        return Optional.empty();
    }

    /** The DOM of {@code url} after its scripts ran, as Chromium serializes it. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** Saves a screenshot of {@code url} in a window of the given size to {@code png}. */
    void screenshot(String url, int width, int height, Path png) throws IOException, InterruptedException {
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), url));
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path profile = Files.createTempDirectory(work, "profile-");
        Path err = work.resolve("chromium-stderr.txt");
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile.toAbsolutePath());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("Chromium did not exit within " + GUARD_SECONDS + " s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("Chromium exited with " + p.exitValue() + ": " + command + "\n"
                        + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

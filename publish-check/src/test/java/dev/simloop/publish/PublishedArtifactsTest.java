package dev.simloop.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishable set, checked the way a user meets it. A copy of the sources is deployed with
 * {@code mvn -Plocal-repo deploy} to a directory repository; a separate project (src/test/consumer, set up as
 * docs/junit.md says) resolves simloop from that repository alone, through a local repository that holds everything
 * but simloop, and runs a {@code @SimTest}; and a second build of the copy gives byte-identical jars.
 *
 * <p>Each step runs Maven on this machine's local repository (the one this build uses), offline except the deploy
 * (Maven refuses to deploy offline, even to a directory; everything it needs is already in the local repository).
 */
class PublishedArtifactsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("simloop.version");
    private static final Path LOCAL_REPO = Path.of(System.getProperty("maven.repo.local"));
    private static final List<String> LIBRARIES = List.of("sim-core", "sim-net", "junit-extension");

    @TempDir
    static Path work;
    private static Path copy;
    private static Path repo;

    @BeforeAll
    static void deployACopyToADirectoryRepository() throws Exception {
        copy = work.resolve("simloop");
        copyTree(ROOT, copy);
        maven(copy, "--online", "-Plocal-repo", "deploy", "-DskipTests", "-Dmaven.install.skip=true",
                "-pl", "bom," + String.join(",", LIBRARIES), "-am");
        repo = copy.resolve("target/repo");
    }

    @Test
    void theDirectoryRepositoryHoldsEachLibraryWithItsSourcesAndJavadocTheBomAndTheParent() throws IOException {
        Map<String, TreeSet<String>> kinds = new TreeMap<>();
        Pattern file = Pattern.compile("(simloop-[a-z]+)-" + Pattern.quote(VERSION.replace("-SNAPSHOT", ""))
                + "-\\d{8}\\.\\d{6}-\\d+(-sources|-javadoc)?\\.(jar|pom)");
        try (Stream<Path> files = Files.walk(repo.resolve("dev/simloop"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = file.matcher(f.getFileName().toString());
                if (m.matches()) {
                    kinds.computeIfAbsent(m.group(1), k -> new TreeSet<>())
                            .add((m.group(2) == null ? "" : m.group(2).substring(1) + ".") + m.group(3));
                }
            }
        }
        assertThat(kinds).hasToString("{simloop-bom=[pom], "
                + "simloop-core=[jar, javadoc.jar, pom, sources.jar], "
                + "simloop-junit=[jar, javadoc.jar, pom, sources.jar], "
                + "simloop-net=[jar, javadoc.jar, pom, sources.jar], "
                + "simloop-parent=[pom]}");
    }

    @Test
    void aProjectResolvesSimloopFromTheDirectoryRepositoryAloneAndRunsASimTest() throws Exception {
        Path consumer = work.resolve("consumer");
        copyTree(ROOT.resolve("publish-check/src/test/consumer"), consumer);
        Path isolated = work.resolve("local-without-simloop");
        linkAllBut(LOCAL_REPO, isolated, "dev");
        linkAllBut(LOCAL_REPO.resolve("dev"), isolated.resolve("dev"), "simloop");

        maven(consumer, "-Dmaven.repo.local=" + isolated, "-Daether.offline.protocols=file",
                "-Dsimloop.repo=" + repo.toUri(), "-Dsimloop.version=" + VERSION,
                "-Djunit.version=" + System.getProperty("junit.version"), "verify");

        String report = Files.readString(consumer.resolve("target/surefire-reports/TEST-org.example.CounterTest.xml"));
        assertThat(report).contains("tests=\"1\"", "errors=\"0\"", "skipped=\"0\"", "failures=\"0\"");
        Path resolved = isolated.resolve("dev/simloop/simloop-junit").resolve(VERSION);
        assertThat(resolved.resolve("maven-metadata-simloop-local.xml")).exists();
        assertThat(resolved.resolve("simloop-junit-" + VERSION + ".jar")).exists();
    }

    /**
     * A javac user of sim-core alone, with what sim-core's published pom brings, compiles with {@code -Werror}: the
     * pom brings apiguardian, so the {@code @API} annotations' types resolve (an optional apiguardian gave "unknown
     * enum constant Status.EXPERIMENTAL" and six more warnings here).
     */
    @Test
    void aUserOfSimCoreAloneCompilesWithWerror() throws Exception {
        Path dir = repo.resolve("dev/simloop/simloop-core").resolve(VERSION);
        Path pom = file(dir, ".*\\.pom");
        Path jar = file(dir, ".*-\\d+\\.jar");
        // What sim-core's pom brings a user: its dependencies that are neither test-scoped nor optional.
        List<String> brought = new ArrayList<>();
        Matcher dep = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(Files.readString(pom));
        while (dep.find()) {
            String d = dep.group(1);
            if (!d.contains("<scope>test</scope>") && !d.contains("<optional>true</optional>")) {
                brought.add(tag(d, "groupId") + ":" + tag(d, "artifactId"));
            }
        }
        assertThat(brought).containsExactly("org.apiguardian:apiguardian-api");
        Path parentDir = repo.resolve("dev/simloop/simloop-parent").resolve(VERSION);
        String parent = Files.readString(file(parentDir, ".*\\.pom"));
        String apiguardian = tag(parent, "apiguardian.version");
        List<String> classPath = List.of(jar.toString(), LOCAL_REPO.resolve("org/apiguardian/apiguardian-api")
                .resolve(apiguardian).resolve("apiguardian-api-" + apiguardian + ".jar").toString());

        Path source = work.resolve("user/User.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                import dev.simloop.Coroutine;
                import dev.simloop.EventLoop;
                import dev.simloop.Sim;
                import java.time.Duration;

                public class User {
                    public static void main(String[] args) {
                        EventLoop.run(Coroutine.ofVoid(() -> Sim.sleep(Duration.ofSeconds(1))));
                    }
                }
                """);
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, out, out, "-Xlint:all", "-Werror", "--release", "21", "-cp",
                String.join(java.io.File.pathSeparator, classPath), "-d", work.resolve("user").toString(),
                source.toString());
        assertThat(out.toString()).isEmpty();
        assertThat(status).isZero();
    }

    @Test
    void twoBuildsGiveByteIdenticalJars() throws Exception {
        Map<String, byte[]> first = jars();
        maven(copy, "clean", "package", "-DskipTests", "-pl", String.join(",", LIBRARIES));
        Map<String, byte[]> second = jars();
        assertThat(first.keySet()).hasSize(9).isEqualTo(second.keySet());
        List<String> differ = new ArrayList<>();
        first.forEach((name, bytes) -> {
            if (!java.util.Arrays.equals(bytes, second.get(name))) {
                differ.add(name);
            }
        });
        assertThat(differ).as("jars that differ between two builds").isEmpty();
    }

    /** The one file in {@code dir} whose name matches {@code regex}. */
    private static Path file(Path dir, String regex) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().matches(regex)).toList();
            assertThat(found).as("files matching %s in %s", regex, dir).hasSize(1);
            return found.get(0);
        }
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(xml);
        if (!m.find()) {
            throw new AssertionError("no <" + name + "> in " + xml);
        }
        return m.group(1).trim();
    }

    private static Map<String, byte[]> jars() throws IOException {
        Map<String, byte[]> jars = new TreeMap<>();
        for (String module : LIBRARIES) {
            try (Stream<Path> files = Files.list(copy.resolve(module).resolve("target"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                    jars.put(f.getFileName().toString(), Files.readAllBytes(f));
                }
            }
        }
        return jars;
    }

    /**
     * Runs Maven in {@code dir}, offline unless the first argument is {@code --online}; fails with the end of its
     * output if it fails.
     */
    private static void maven(Path dir, String... args) throws Exception {
        boolean online = args.length > 0 && args[0].equals("--online");
        if (online) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
        if (!online) {
            command.add("-o");
        }
        if (Stream.of(args).noneMatch(a -> a.startsWith("-Dmaven.repo.local="))) {
            command.add("-Dmaven.repo.local=" + LOCAL_REPO);
        }
        command.addAll(List.of(args));
        Path log = Files.createTempFile(work, "maven", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("Maven did not finish in 15 minutes: " + command);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError("Maven failed (" + p.exitValue() + "): " + command + "\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    /** Copies a source tree, leaving out build output and Git's own files. */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName().toString();
                if (!dir.equals(from) && (name.equals("target") || name.equals(".git"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A directory of links to every entry of {@code from} but {@code except}. */
    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path e : entries.sorted().toList()) {
                if (!e.getFileName().toString().equals(except)) {
                    Files.createSymbolicLink(to.resolve(e.getFileName().toString()), e);
                }
            }
        }
    }
}

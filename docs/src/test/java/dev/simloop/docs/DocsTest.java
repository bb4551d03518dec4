package dev.simloop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the guide true: each {@code <!-- example: Name -->} must be followed by a code block equal to the
 * {@code tag::example} region of {@code examples/Name.java}, and each {@code <!-- output: Name -->} by a block equal
 * to what {@code Name.main} prints.
 */
class DocsTest {

    private static final Path DOCS = Path.of(".");
    private static final Path EXAMPLES = Path.of("src/test/java/dev/simloop/docs/examples");
    private static final Pattern MARKER = Pattern.compile(
            "<!-- (example|output): (\\w+) -->\\s*\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

    record Marker(Path doc, String kind, String example, String block) {}

    static List<Marker> markers() throws IOException {
        List<Marker> markers = new ArrayList<>();
        try (Stream<Path> docs = Files.list(DOCS)) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = MARKER.matcher(Files.readString(doc));
                while (m.find()) {
                    markers.add(new Marker(doc, m.group(1), m.group(2), m.group(3)));
                }
            }
        }
        return markers;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleInTheDocsIsTheCodeThatRuns() throws IOException {
        return markers().stream().filter(m -> m.kind().equals("example")).map(m -> DynamicTest.dynamicTest(
                m.doc().getFileName() + ": " + m.example(),
                () -> assertThat(m.block()).as("code block of %s in %s", m.example(), m.doc())
                        .isEqualTo(taggedRegion(m.example()))));
    }

    @TestFactory
    Stream<DynamicTest> everyOutputInTheDocsIsWhatTheExamplePrints() throws IOException {
        return markers().stream().filter(m -> m.kind().equals("output")).map(m -> DynamicTest.dynamicTest(
                m.doc().getFileName() + ": output of " + m.example(),
                () -> assertThat(m.block()).as("output block of %s in %s", m.example(), m.doc())
                        .isEqualTo(printedBy(m.example()))));
    }

    @Test
    void everyExampleIsShownInTheDocs() throws IOException {
        List<String> shown = markers().stream().filter(m -> m.kind().equals("example")).map(Marker::example).toList();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<String> examples = files.map(p -> p.getFileName().toString().replace(".java", "")).sorted().toList();
            assertThat(shown).containsAll(examples);
        }
    }

    static String taggedRegion(String example) throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve(example + ".java"));
        int start = indexOf(lines, "// tag::example[]", example) + 1;
        int end = indexOf(lines, "// end::example[]", example);
        List<String> region = lines.subList(start, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : region) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }

    private static int indexOf(List<String> lines, String tag, String example) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(tag)) {
                return i;
            }
        }
        throw new AssertionError(example + ".java has no line " + tag);
    }

    static String printedBy(String example) throws Exception {
        Method main = Class.forName("dev.simloop.docs.examples." + example).getMethod("main", String[].class);
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

package dev.simloop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps docs/scenarios.md true: a section per scenario, its replay command with the seed the hunt finds, and every
 * Java excerpt in the section a run of lines of the scenario's source file.
 */
class CookbookTest {

    private static final Path COOKBOOK = Path.of("../docs/scenarios.md");
    private static final Path SOURCES = Path.of("src/main/java/dev/simloop/scenarios");
    private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    static Stream<Arguments> expectations() {
        return Stream.concat(ScenarioTest.expectations(), NetScenarioTest.expectations()
                .map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], a.get()[3])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void theCookbookHasTheScenarioWithItsReplayCommandAndExcerptsOfItsCode(String name, int index, String seed,
            int departures) throws IOException {
        String cookbook = Files.readString(COOKBOOK);
        int start = cookbook.indexOf("\n## " + name + "\n");
        assertThat(start).as("section of %s", name).isPositive();
        int end = cookbook.indexOf("\n## ", start + 1);
        String section = cookbook.substring(start, end < 0 ? cookbook.length() : end);
        assertThat(section).contains("**Replay:** `-Dhunt=\"replay " + name + " --seed " + seed + "\"`");
        String source = normalised(Files.readString(SOURCES.resolve(className(name) + ".java")));
        Matcher m = JAVA.matcher(section);
        int excerpts = 0;
        while (m.find()) {
            excerpts++;
            assertThat(source).as("excerpt %s of %s", excerpts, name).contains(normalised(m.group(1)));
        }
        assertThat(excerpts).as("excerpts of %s", name).isPositive();
    }

    private static String className(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** Each line stripped of its indentation, so an excerpt may be shown less indented than in the source. */
    private static String normalised(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        return "\n" + String.join("\n", lines) + "\n";
    }
}

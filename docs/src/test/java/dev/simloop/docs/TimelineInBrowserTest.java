package dev.simloop.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.simloop.docs.examples.Timeline;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens the guide's timeline (chapter 12's lost update) in headless Chromium: checks its lanes, marks, failing step
 * and selection through the DOM after its script ran, and takes the screenshot the guide shows. Skipped when no
 * Chromium is installed. {@code -Dsimloop.updateScreenshot=true} copies the screenshot to {@code docs/img}.
 */
class TimelineInBrowserTest {

    private static final Path WORK = Path.of("target", "timeline-it");
    private static Chromium chromium;
    private static Path page;
    private static String url;

    @BeforeAll
    static void writeThePage() throws IOException {
        chromium = Chromium.find(WORK).orElse(null);
        Files.createDirectories(WORK);
        page = Files.writeString(WORK.resolve("lost-update.html"), Timeline.page());
        url = page.toAbsolutePath().toUri().toString();
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, "No Chromium found (chromium, chromium-browser or google-chrome on the PATH, or "
                + "an executable -Dsimloop.chromium=/path/to/it): the timeline's browser test is skipped. Install it "
                + "with 'apt-get install -y chromium' (.ci/run does).");
    }

    private static List<String> all(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void theBrowserShowsOneLanePerTaskWithItsMarksAndTheFailingStep() throws Exception {
        String dom = chromium.dumpDom(url);
        assertThat(dom).contains("data-ready=\"true\"");
        assertThat(all("<g class=\"lane\" data-task=\"([^\"]+)\"", dom)).containsExactly("main", "alice", "bob");
        assertThat(all("<g class=\"ev mark[^\"]*\" data-ev=\"\\d+\"><title>([^<]+)</title>", dom)).containsExactly(
                "#2 0 s alice mark read 100", "#7 0.01 s alice mark wrote 110", "#6 0.01 s bob mark read 100",
                "#10 0.02 s bob mark wrote 120");
        assertThat(all("<text class=\"label\"[^>]*>([^<]+)</text>", dom))
                .containsExactly("read 100", "wrote 110", "read 100", "wrote 120");
        assertThat(all("<g class=\"ev suspended\" data-ev=\"\\d+\">.*?<text class=\"on\"[^>]*>([^<]*)</text>", dom))
                .containsExactly("task 'alice'", "task 'bob'", "sleep 0.01 s", "sleep 0.01 s", "sleep 0.01 s");
        assertThat(all("<text class=\"stepno failing\"[^>]*><title>([^<]+)</title>", dom))
                .containsExactly("step 11, virtual time 0.02 s");
        assertThat(dom).contains("<g class=\"ev finished-exception failing sel\" data-ev=\"25\">",
                "<tr data-ev=\"25\" class=\"failing sel\">");
        assertThat(dom).contains("<section id=\"detail\" class=\"failing\" data-shown=\"25\"><p class=\"head\">event 25"
                + " · step 11 · virtual time 0.02 s · task main</p><p class=\"what\">failed with "
                + "java.lang.AssertionError: balance 120, expected 130</p></section>");
    }

    @Test
    void anAddressWithAnEventNumberSelectsThatEvent() throws Exception {
        String dom = chromium.dumpDom(url + "#ev=6");
        assertThat(dom).contains("<section id=\"detail\" class=\"\" data-shown=\"6\"><p class=\"head\">"
                + "event 6 · step 2 · virtual time 0 s · task alice</p><p class=\"what\">mark read 100</p>"
                + "</section>",
                "<g class=\"ev mark sel\" data-ev=\"6\">", "<tr data-ev=\"6\" class=\"sel\">");
        assertThat(dom).doesNotContain("failing sel");
    }

    @Test
    void screenshotShowsTheChart() throws Exception {
        String html = Files.readString(page);
        Matcher svg = Pattern.compile("<svg class=\"timeline\"[^>]* width=\"(\\d+)\" height=\"(\\d+)\"").matcher(html);
        assertThat(svg.find()).isTrue();
        int width = Math.max(860, Integer.parseInt(svg.group(1)) + 60);
        int height = Integer.parseInt(svg.group(2)) + 190;
        Path png = WORK.resolve("timeline.png");
        Files.deleteIfExists(png);
        chromium.screenshot(url, width, height, png);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(png), 0, 24);
        assertThat(header.getLong()).as("PNG signature").isEqualTo(0x89504E470D0A1A0AL);
        header.position(16);
        assertThat(List.of(header.getInt(), header.getInt())).as("PNG width and height").containsExactly(width, height);
        if (Boolean.getBoolean("simloop.updateScreenshot")) {
            Files.createDirectories(Path.of("img"));
            Files.copy(png, Path.of("img", "timeline.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

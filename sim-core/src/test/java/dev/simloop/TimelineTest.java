package dev.simloop;

import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.mark;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML timeline: self-contained, deterministic, one lane per task, every event an element. */
class TimelineTest {

    private static Trace lostUpdate() {
        EventLoop loop = EventLoop.builder().trace(TraceLevel.DEFAULT).build();
        try {
            loop.runUntilComplete(Scenarios.lostUpdate());
            return loop.trace();
        } finally {
            loop.close();
        }
    }

    private static Trace failing() {
        EventLoop loop = EventLoop.builder().trace(TraceLevel.DEFAULT).build();
        try {
            Task<Void> t = loop.createTask("bad <one>", Coroutine.ofVoid(() -> {
                mark("about to \"fail\" & stop");
                yieldNow();
                throw new IllegalStateException("boom");
            }));
            loop.runUntilIdle();
            t.exception();
            return loop.trace();
        } finally {
            loop.close();
        }
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theSameTraceGivesTheSameBytes() {
        assertThat(lostUpdate().renderHtml()).isEqualTo(lostUpdate().renderHtml());
    }

    @Test
    void thePageLoadsNothing() {
        String html = failing().renderHtml();
        assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n")
                .doesNotContain(" src=", " href=", "url(", "@import", "<link", "fetch(", "XMLHttpRequest");
    }

    @Test
    void oneLanePerTaskAndAnElementPerEvent() {
        Trace trace = lostUpdate();
        String html = trace.renderHtml();
        assertThat(count(html, "<g class=\"lane\" data-task=\"[^\"]*\"")).isEqualTo(3);
        assertThat(html).contains("<g class=\"lane\" data-task=\"main\" data-id=\"1\">",
                "<g class=\"lane\" data-task=\"a\" data-id=\"2\">", "<g class=\"lane\" data-task=\"b\" data-id=\"3\">");
        assertThat(count(html, "<g class=\"ev [a-z-]+\" data-ev=")).isEqualTo(trace.size());
        assertThat(count(html, "<tr data-ev=")).isEqualTo(trace.size());
        assertThat(count(html, "<g class=\"ev suspended\"")).isEqualTo(5);
        assertThat(html).contains("<text class=\"on\" x=\"", ">task &#39;a&#39;</text>", ">yield</text>");
        assertThat(trace.lastFailureStep()).isEqualTo(-1);
        assertThat(html).contains("<body data-selected=\"\" data-failing-step=\"\">").doesNotContain("failing-step\" x");
    }

    @Test
    void theLastFailureIsHighlightedAndSelectedAndTextIsEscaped() {
        Trace trace = failing();
        String html = trace.renderHtml();
        assertThat(trace.lastFailureStep()).isEqualTo(2);
        assertThat(html).contains("<body data-selected=\"5\" data-failing-step=\"2\">",
                "<rect class=\"failing-step\" x=\"", "<g class=\"lane\" data-task=\"bad &lt;one&gt;\"",
                "<g class=\"ev mark\" data-ev=\"2\"><title>#1 0 s bad &lt;one&gt; mark about to &quot;fail&quot; "
                        + "&amp; stop</title>",
                "<g class=\"ev finished-exception failing\" data-ev=\"5\">",
                "<tr data-ev=\"5\" class=\"failing\"><td>5</td><td>2</td><td>0 s</td><td>bad &lt;one&gt;</td>"
                        + "<td>failed with java.lang.IllegalStateException: boom</td></tr>");
        assertThat(trace.renderHtml("run 7", -1)).contains("<title>run 7</title>", "<h1>run 7</h1>",
                "<body data-selected=\"\" data-failing-step=\"\">").doesNotContain("class=\"failing");
    }
}

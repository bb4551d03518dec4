package dev.simloop;

import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.mark;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aRunsPageMarksTheStepsOfItsDelaysAndCountsThem() {
        RunResult r = Simulation.of(Scenarios::lostUpdate).seeds(1, 20).sweep().shrunk().orElseThrow();
        assertThat(r.decisions().describeDelays()).isEqualTo("1 delay (step 2)");
        String html = r.renderHtml();
        assertThat(html).contains(", 1 delay (step 2) from FIFO</p>");
        assertThat(count(html, "<rect class=\"delay-step\"")).isEqualTo(1);
        assertThat(html).contains("<title>step 2 took a delay: it ran ahead of a task that FIFO would have run "
                + "first</title>");
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
        assertThat(html).contains("<body data-selected=\"\" data-failing-step=\"\">")
                .doesNotContain("failing-step\" x");
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

    @Test
    void aRunRendersItsTimelineTitledWithSeedPolicyAndOutcome() {
        RunResult failure = Simulation.of(Scenarios::lostUpdate).seeds(0, 100).sweep().firstFailure().orElseThrow();
        String title = "seed " + Seeds.format(failure.seed()) + ", policy RANDOM: failed with "
                + "java.lang.AssertionError: lost update: counter is 1, expected 2";
        assertThat(failure.renderHtml()).contains("<title>" + title + "</title>", "<h1>" + title + "</h1>",
                "data-failing-step=\"" + failure.trace().lastFailureStep() + "\"");
        RunResult untraced = Simulation.of(Scenarios::lostUpdate).loop(EventLoop.builder()).run(7);
        assertThatThrownBy(untraced::renderHtml).isInstanceOf(IllegalStateException.class).hasMessage(
                "The run of seed 0x0000000000000007 recorded no trace: give the simulation a loop that records one, "
                        + "loop(EventLoop.builder().trace(TraceLevel.DEFAULT)).");
    }

    @Test
    void theChartOfASmallRunIsExactlyThis() {
        EventLoop loop = EventLoop.builder().trace(TraceLevel.DEFAULT).build();
        try {
            loop.runUntilComplete(Coroutine.ofVoid("main", () -> {
                mark("one");
                mark("two");
                Sim.sleep(java.time.Duration.ofSeconds(1));
            }));
            String html = loop.trace().renderHtml();
            String chart = html.substring(html.indexOf("<svg class=\"timeline\""), html.indexOf("</svg>\n") + 7);
            assertThat(chart).isEqualTo("""
                <svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="326" height="116" viewBox="0 0 326 116">
                <rect class="band" x="0" y="56" width="326" height="52"/>
                <text class="time" x="153" y="18">0 s</text>
                <text class="stepno" x="169" y="48"><title>step 0, virtual time 0 s</title>0</text>
                <text class="stepno" x="207" y="48"><title>step 1, virtual time 0 s</title>1</text>
                <line class="jump" x1="226" y1="22" x2="226" y2="116"/>
                <text class="time" x="229" y="18">1 s</text>
                <text class="stepno" x="245" y="48"><title>step 2, virtual time 1 s</title>2</text>
                <text class="stepno" x="283" y="48"><title>step 3, virtual time 1 s</title>3</text>
                <text class="axis" x="12" y="18">virtual time</text>
                <text class="axis" x="12" y="48">step</text>
                <g class="lane" data-task="main" data-id="1">
                <text class="name" x="12" y="88"><title>main</title>main</text>
                <g class="ev created" data-ev="0"><title>#0 0 s main created</title>\
                <line class="hit" x1="173" y1="84" x2="193" y2="84"/>\
                <line class="idle" x1="173" y1="84" x2="193" y2="84"/>\
                <circle class="created" cx="169" cy="84" r="4"/></g>
                <g class="ev started" data-ev="1"><title>#1 0 s main started</title>\
                <rect class="run" x="193" y="76" width="28" height="16" rx="3"/></g>
                <g class="ev mark" data-ev="2"><title>#1 0 s main mark one</title>\
                <path class="diamond" d="M207 59 l5 5 l-5 5 l-5 -5 z"/>\
                <text class="label" x="221" y="68">one; two</text></g>
                <g class="ev mark" data-ev="3"><title>#1 0 s main mark two</title>\
                <path class="diamond" d="M213 59 l5 5 l-5 5 l-5 -5 z"/></g>
                <g class="ev suspended" data-ev="4"><title>#1 0 s main suspended on sleep 1 s</title>\
                <line class="hit" x1="221" y1="84" x2="269" y2="84"/>\
                <line class="wait" x1="221" y1="84" x2="269" y2="84"/><text class="on" x="225" y="79">sleep …</text>\
                </g>
                <g class="ev timer-fired" data-ev="5"><title>#2 1 s main timer fired due at 1 s</title>\
                <path class="timer" d="M245 95 l5 8 h-10 z"/></g>
                <g class="ev resumed" data-ev="6"><title>#3 1 s main resumed</title>\
                <rect class="run" x="269" y="76" width="28" height="16" rx="3"/></g>
                <g class="ev finished-result" data-ev="7"><title>#3 1 s main finished with null</title>\
                <circle class="done" cx="297" cy="84" r="5"/></g>
                </g>
                </svg>
                """);
        } finally {
            loop.close();
        }
    }
}

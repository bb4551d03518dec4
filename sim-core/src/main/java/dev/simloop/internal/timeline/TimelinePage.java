package dev.simloop.internal.timeline;

import dev.simloop.Decisions;
import dev.simloop.Seeds;
import dev.simloop.Trace;
import dev.simloop.TraceEvent;
import dev.simloop.internal.VirtualTimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The self-contained HTML page of {@link Trace#renderHtml(String, long)}: a header, the {@link TimelineChart}, a
 * panel that shows the event under the pointer or the one clicked, and every event in a table. Its style and script
 * are inline (from {@code timeline.css} and {@code timeline.js} beside this class): the page loads nothing.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TimelinePage {
    private TimelinePage() {}

    private static final String CSS = resource("timeline.css");
    private static final String JS = resource("timeline.js");

    public static String html(Trace trace, String title, long failingStep) {
        return html(trace, title, failingStep, null);
    }

    /** The page, with the steps of a run's delays marked on the axis and counted in the summary. */
    public static String html(Trace trace, String title, long failingStep, Decisions decisions) {
        long[] delaySteps = new long[decisions == null ? 0 : decisions.recordedDelaySteps()];
        for (int i = 0; i < delaySteps.length; i++) {
            delaySteps[i] = decisions.delayStep(i);
        }
        List<TraceEvent> events = List.copyOf(trace.events()); // rendered once: a trace renders events when read
        int selected = -1;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e.step() == failingStep && (selected < 0 || e.kind() == TraceEvent.Kind.FINISHED_EXCEPTION)) {
                selected = i;
            }
        }
        StringBuilder sb = new StringBuilder(4096 + events.size() * 400);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body data-selected=\"").append(selected < 0 ? "" : selected).append("\" data-failing-step=\"")
                .append(failingStep < 0 ? "" : failingStep).append("\">\n<header>\n<h1>").append(Html.escape(title))
                .append("</h1>\n<p class=\"summary\">").append(summary(trace, failingStep))
                .append(decisions == null ? "" : ", " + Html.escape(decisions.describeDelays()) + " from FIFO")
                .append("</p>\n")
                .append(LEGEND).append("</header>\n<div class=\"chart\">\n")
                .append(TimelineChart.svg(events, failingStep, delaySteps)).append("</div>\n")
                .append("<section id=\"detail\"><p class=\"hint\">Point at or click an event to see it here; the ")
                .append("arrow keys step through them.</p></section>\n");
        table(sb, events, failingStep);
        return sb.append("<script>\n").append(JS).append("</script>\n</body>\n</html>\n").toString();
    }

    private static String summary(Trace trace, long failingStep) {
        int n = trace.size();
        long steps = n == 0 ? 0 : trace.event(n - 1).step();
        String end = n == 0 ? "0 s" : VirtualTimes.format(trace.event(n - 1).time());
        return (trace.dropped() > 0 ? Html.escape(trace.cutNote()) + "; the last " : "") + n + " events, " + steps + " steps, virtual time 0 s to " + Html.escape(end) + ", fingerprint "
                + Seeds.format(trace.fingerprint()) + (failingStep < 0 ? ""
                        : ", <span class=\"failing\">failing step " + failingStep + "</span>");
    }

    private static final String LEGEND = """
            <p class="legend"><svg width="700" height="18" viewBox="0 0 700 18">\
            <rect class="run" x="2" y="2" width="22" height="14" rx="3"/><text x="30" y="13">runs a step</text>\
            <line class="wait" x1="108" y1="9" x2="140" y2="9"/><text x="146" y="13">suspended (on what)</text>\
            <line class="idle" x1="272" y1="9" x2="300" y2="9"/><text x="306" y="13">not started</text>\
            <path class="diamond" d="M386 4 l5 5 l-5 5 l-5 -5 z"/><text x="396" y="13">mark</text>\
            <path class="timer" d="M446 5 l5 8 h-10 z"/><text x="458" y="13">timer</text>\
            <circle class="done" cx="516" cy="9" r="5"/><text x="526" y="13">result</text>\
            <circle class="error" cx="584" cy="9" r="6"/><text x="595" y="13">exception</text>\
            </svg></p>
            """;

    private static void table(StringBuilder sb, List<TraceEvent> events, long failingStep) {
        boolean sources = events.stream().anyMatch(e -> e.source() != null);
        sb.append("<table class=\"events\">\n<thead><tr><th>event</th><th>step</th><th>virtual time</th><th>task</th>")
                .append("<th>what</th>").append(sources ? "<th>source</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (TraceEvent e : events) {
            sb.append("<tr data-ev=\"").append(e.index()).append('"')
                    .append(e.step() == failingStep ? " class=\"failing\"" : "").append("><td>").append(e.index())
                    .append("</td><td>").append(e.step()).append("</td><td>").append(Html.escape(VirtualTimes.format(
                            e.time()))).append("</td><td>").append(Html.escape(e.taskName() == null ? "loop"
                            : e.taskName())).append("</td><td>").append(Html.escape(e.kind().words()
                            + (e.detail().isEmpty() ? "" : " " + e.detail()))).append("</td>");
            if (sources) {
                sb.append("<td>").append(e.source() == null ? "" : Html.escape(e.source())).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static String resource(String name) {
        try (InputStream in = TimelinePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("simloop-core is missing its resource dev/simloop/internal/timeline/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

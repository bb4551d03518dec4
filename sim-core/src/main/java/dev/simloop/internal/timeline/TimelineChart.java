package dev.simloop.internal.timeline;

import dev.simloop.Trace;
import dev.simloop.TraceEvent;
import dev.simloop.internal.VirtualTimes;
import java.util.List;

/**
 * The SVG chart of a {@link Trace}'s HTML timeline: one lane per task, one column per step that has events, each
 * event an element {@code <g class="ev KIND" data-ev="INDEX">} with a tooltip. Integer coordinates only, so the same
 * trace always gives the same text.
 */
final class TimelineChart {

    /** Width of the lane names on the left; of one step's column; height of one lane; space above the lanes. */
    static final int LEFT = 150, COL = 38, LANE = 52, TOP = 56;

    private final List<TraceEvent> events;
    private final TimelineLayout layout;
    private final long failingStep;
    /** The steps that took a delay (ascending, possibly repeated), marked on the axis. */
    private final long[] delaySteps;
    private final StringBuilder out = new StringBuilder();

    private TimelineChart(List<TraceEvent> events, long failingStep, long[] delaySteps) {
        this.events = events;
        this.layout = new TimelineLayout(events);
        this.failingStep = failingStep;
        this.delaySteps = delaySteps;
    }

    static String svg(List<TraceEvent> events, long failingStep, long[] delaySteps) {
        return new TimelineChart(events, failingStep, delaySteps).render();
    }

    private String render() {
        int width = LEFT + layout.columns() * COL + 24;
        int height = TOP + layout.lanes() * LANE + 8;
        out.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\">\n");
        for (int lane = 0; lane < layout.lanes(); lane++) {
            out.append("<rect class=\"band").append(lane % 2 == 0 ? "" : " odd").append("\" x=\"0\" y=\"")
                    .append(laneY(lane)).append("\" width=\"").append(width).append("\" height=\"").append(LANE)
                    .append("\"/>\n");
        }
        axis(height);
        for (int lane = 0; lane < layout.lanes(); lane++) {
            lane(lane);
        }
        return out.append("</svg>\n").toString();
    }

    private void axis(int height) {
        int[] labelEnd = new int[2]; // time labels take the upper row, or the lower one where the upper is full
        int stepEnd = 0;
        for (int c = 0; c < layout.columns(); c++) {
            int x = LEFT + c * COL;
            long step = layout.stepOf(c);
            boolean failing = step == failingStep;
            if (java.util.Arrays.binarySearch(delaySteps, step) >= 0) {
                out.append("<rect class=\"delay-step\" x=\"").append(x).append("\" y=\"").append(TOP - 22)
                        .append("\" width=\"").append(COL).append("\" height=\"6\"><title>step ").append(step)
                        .append(" took a delay: it ran ahead of a task that FIFO would have run first</title></rect>\n");
            }
            if (failing) {
                out.append("<rect class=\"failing-step\" x=\"").append(x).append("\" y=\"").append(TOP - 22)
                        .append("\" width=\"").append(COL).append("\" height=\"").append(height - TOP + 22)
                        .append("\"/>\n");
            }
            boolean jump = c == 0 || layout.timeOf(c) != layout.timeOf(c - 1);
            if (jump && c > 0) {
                out.append("<line class=\"jump\" x1=\"").append(x).append("\" y1=\"").append(TOP - 34)
                        .append("\" x2=\"").append(x).append("\" y2=\"").append(height).append("\"/>\n");
            }
            String time = VirtualTimes.format(layout.timeOf(c));
            int row = x + 3 >= labelEnd[0] ? 0 : 1;
            if (jump && x + 3 >= labelEnd[row]) {
                out.append("<text class=\"time\" x=\"").append(x + 3).append("\" y=\"").append(TOP - 38 + 14 * row)
                        .append("\">").append(Html.escape(time)).append("</text>\n");
                labelEnd[row] = x + 3 + Html.textWidth(time, 7) + 8;
            }
            String label = Long.toString(step);
            if (x + COL / 2 - Html.textWidth(label, 6) / 2 >= stepEnd) {
                out.append("<text class=\"stepno").append(failing ? " failing" : "").append("\" x=\"")
                        .append(x + COL / 2).append("\" y=\"").append(TOP - 8).append("\"><title>step ")
                        .append(step).append(", virtual time ").append(Html.escape(time)).append("</title>")
                        .append(label).append("</text>\n");
                stepEnd = x + COL / 2 + Html.textWidth(label, 6) / 2 + 4;
            }
        }
        out.append("<text class=\"axis\" x=\"12\" y=\"").append(TOP - 38).append("\">virtual time</text>\n")
                .append("<text class=\"axis\" x=\"12\" y=\"").append(TOP - 8).append("\">step</text>\n");
    }

    private int laneY(int lane) {
        return TOP + lane * LANE;
    }

    private void lane(int lane) {
        String name = layout.laneName(lane);
        int y = laneY(lane);
        out.append("<g class=\"lane\" data-task=\"").append(Html.escape(name)).append("\" data-id=\"")
                .append(layout.laneTaskId(lane)).append("\">\n<text class=\"name\" x=\"12\" y=\"").append(y + 32)
                .append("\"><title>").append(Html.escape(name)).append("</title>")
                .append(Html.escape(Html.clip(name, LEFT - 24, 8))).append("</text>\n");
        for (int i = 0; i < events.size(); i++) {
            if (layout.laneOf(i) == lane) {
                event(i, y);
            }
        }
        out.append("</g>\n");
    }

    private void event(int i, int y) {
        TraceEvent e = events.get(i);
        int x = LEFT + layout.columnOf(i) * COL;
        int mid = y + 28;
        String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        boolean failing = e.step() == failingStep;
        out.append("<g class=\"ev ").append(kind).append(failing ? " failing" : "").append("\" data-ev=\"").append(i)
                .append("\"><title>").append(Html.escape(e.toString())).append("</title>");
        switch (e.kind()) {
            case CREATED -> {
                int to = layout.nextRun(i) < 0 ? layout.columns() * COL + LEFT : LEFT
                        + layout.columnOf(layout.nextRun(i)) * COL + 5;
                line("idle", x + COL / 2 + 4, to, mid);
                circle("created", x + COL / 2, mid, 4);
            }
            case STARTED, RESUMED -> out.append("<rect class=\"run").append(layout.failsInStep(i) ? " failed" : "")
                    .append("\" x=\"").append(x + 5).append("\" y=\"").append(mid - 8).append("\" width=\"")
                    .append(COL - 10).append("\" height=\"16\" rx=\"3\"/>");
            case SUSPENDED -> {
                int next = layout.nextRun(i);
                int from = x + COL - 5;
                int to = next < 0 ? layout.columns() * COL + LEFT + 12 : LEFT + layout.columnOf(next) * COL + 5;
                line(next < 0 ? "wait open" : "wait", from, to, mid);
                String on = e.detail().startsWith("on ") ? e.detail().substring(3) : e.detail();
                on = on.equals("a bare yield") ? "yield" : on;
                out.append("<text class=\"on\" x=\"").append(from + 4).append("\" y=\"").append(mid - 5).append("\">")
                        .append(Html.escape(Html.clip(on, to - from - 6, 6))).append("</text>");
            }
            case FINISHED_RESULT -> circle("done", x + COL - 5, mid, 5);
            case FINISHED_CANCELLED -> out.append("<rect class=\"cancel\" x=\"").append(x + COL - 10).append("\" y=\"")
                    .append(mid - 5).append("\" width=\"10\" height=\"10\"/>");
            case FINISHED_EXCEPTION -> {
                circle("error", x + COL - 5, mid, 6);
                int cx = x + COL - 5;
                out.append("<path class=\"cross\" d=\"M").append(cx - 3).append(' ').append(mid - 3).append(" l6 6 M")
                        .append(cx + 3).append(' ').append(mid - 3).append(" l-6 6\"/>");
            }
            case TIMER_FIRED -> out.append("<path class=\"timer\" d=\"M").append(x + COL / 2).append(' ')
                    .append(y + 39).append(" l5 8 h-10 z\"/>");
            case MARK -> {
                int cx = x + COL / 2 + 6 * layout.markRank(i);
                out.append("<path class=\"diamond\" d=\"M").append(cx).append(' ').append(y + 3)
                        .append(" l5 5 l-5 5 l-5 -5 z\"/>");
                if (layout.markRank(i) == 0) {
                    int after = 6 * layout.marksAfter(i);
                    int room = (layout.nextMarkColumn(i) - layout.columnOf(i)) * COL - 14 - after;
                    out.append("<text class=\"label\" x=\"").append(cx + 8 + after).append("\" y=\"").append(y + 12)
                            .append("\">").append(Html.escape(Html.clip(layout.markLabel(i), room, 6)))
                            .append("</text>");
                }
            }
        }
        out.append("</g>\n");
    }

    private void line(String cls, int x1, int x2, int y) {
        out.append("<line class=\"hit\" x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(x2)
                .append("\" y2=\"").append(y).append("\"/><line class=\"").append(cls).append("\" x1=\"").append(x1)
                .append("\" y1=\"").append(y).append("\" x2=\"").append(x2).append("\" y2=\"").append(y)
                .append("\"/>");
    }

    private void circle(String cls, int cx, int cy, int r) {
        out.append("<circle class=\"").append(cls).append("\" cx=\"").append(cx).append("\" cy=\"").append(cy)
                .append("\" r=\"").append(r).append("\"/>");
    }
}

package dev.simloop.internal.timeline;

import dev.simloop.Trace;
import dev.simloop.TraceEvent;
import dev.simloop.internal.VirtualTimes;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** The column table and Chrome JSON renderings of a {@link Trace}. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TraceRendering {
    private TraceRendering() {}

    private static final int MAX_CELL = 40;

    public static String columns(Trace trace) {
        List<TraceEvent> events = trace.events();
        int maxId = 0;
        boolean loose = false;
        for (TraceEvent e : events) {
            maxId = Math.max(maxId, e.taskId());
            loose |= e.taskId() == 0;
        }
        String[] names = new String[maxId + 1];
        names[0] = loose ? "-" : null;
        for (TraceEvent e : events) {
            if (e.taskId() != 0) {
                names[e.taskId()] = e.taskName();
            }
        }
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[maxId + 3];
        header[0] = "step";
        header[1] = "time";
        for (int id = 0; id <= maxId; id++) {
            header[id + 2] = names[id];
        }
        rows.add(header);
        for (TraceEvent e : events) {
            String[] row = new String[maxId + 3];
            row[0] = Long.toString(e.step());
            row[1] = VirtualTimes.format(e.time());
            String cell = e.kind().words() + (e.detail().isEmpty() ? "" : " " + e.detail());
            row[e.taskId() + 2] = cell.length() > MAX_CELL ? cell.substring(0, MAX_CELL - 3) + "..." : cell;
            rows.add(row);
        }
        int[] width = new int[maxId + 3];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (header[c] != null && row[c] != null) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        if (trace.dropped() > 0) {
            sb.append('(').append(trace.cutNote()).append(")\n");
        }
        for (int r = 0; r < rows.size(); r++) {
            appendRow(sb, rows.get(r), header, width);
            if (r == 0) {
                String[] rule = new String[header.length];
                for (int c = 0; c < rule.length; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                appendRow(sb, rule, header, width);
            }
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] row, String[] header, int[] width) {
        sb.append('|');
        for (int c = 0; c < row.length; c++) {
            if (header[c] == null) {
                continue;
            }
            String v = row[c] == null ? "" : row[c];
            sb.append(' ').append(v).append(" ".repeat(width[c] - v.length())).append(" |");
        }
        sb.append('\n');
    }

    public static String chromeJson(Trace trace) {
        StringBuilder sb = new StringBuilder("{\"displayTimeUnit\":\"ns\",");
        if (trace.dropped() > 0) { // the trace format's place for notes on the whole trace
            sb.append("\"otherData\":{\"note\":");
            string(sb, trace.cutNote());
            sb.append("},");
        }
        sb.append("\"traceEvents\":[");
        List<TraceEvent> events = trace.events();
        boolean first = true;
        boolean[] named = new boolean[1];
        for (TraceEvent e : events) {
            if (e.taskId() >= named.length) {
                named = java.util.Arrays.copyOf(named, e.taskId() + 1);
            }
            if (!named[e.taskId()]) {
                named[e.taskId()] = true;
                first = comma(sb, first);
                sb.append("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":").append(e.taskId())
                        .append(",\"args\":{\"name\":");
                string(sb, e.taskId() == 0 ? "loop" : e.taskName());
                sb.append("}}");
            }
            first = comma(sb, first);
            boolean slice = switch (e.kind()) {
                case SUSPENDED, FINISHED_RESULT, FINISHED_EXCEPTION, FINISHED_CANCELLED -> true;
                default -> false;
            };
            sb.append("{\"name\":");
            string(sb, e.kind().words() + (e.detail().isEmpty() ? "" : " " + e.detail()));
            sb.append(",\"ph\":\"").append(slice ? "X" : "i").append("\",\"pid\":1,\"tid\":").append(e.taskId())
                    .append(",\"ts\":").append(e.step());
            if (slice) {
                sb.append(",\"dur\":1");
            } else {
                sb.append(",\"s\":\"t\"");
            }
            sb.append(",\"args\":{\"step\":").append(e.step()).append(",\"virtual_time\":");
            string(sb, VirtualTimes.format(e.time()));
            if (e.source() != null) {
                sb.append(",\"source\":");
                string(sb, e.source());
            }
            sb.append("}}");
        }
        return sb.append("]}\n").toString();
    }

    private static boolean comma(StringBuilder sb, boolean first) {
        if (!first) {
            sb.append(",\n");
        }
        return false;
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

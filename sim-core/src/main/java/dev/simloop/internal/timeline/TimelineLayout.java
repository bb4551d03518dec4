package dev.simloop.internal.timeline;

import dev.simloop.TraceEvent;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Where each event of a trace goes on the HTML timeline: its lane (one per task, in id order; events of no task in a
 * lane "loop" first, as in the column table) and its column (one per step that has events, in order), and the links
 * between events of one task (a suspension to the step that resumes it).
 */
final class TimelineLayout {

    /** How many columns a mark's label may take when no later mark of its lane stops it sooner. */
    private static final int MARK_ROOM = 8;

    private final List<TraceEvent> events;
    private final int[] lane;
    private final int[] column;
    private final long[] columnStep;
    private final long[] columnTime;
    private final int columns;
    private final String[] laneNames;
    private final int[] laneIds;
    /** For each event, the index of its task's next STARTED or RESUMED event, or -1. */
    private final int[] nextRun;
    /** For each event, the index of its task's next event, or -1. */
    private final int[] nextOfTask;

    TimelineLayout(List<TraceEvent> events) {
        this.events = events;
        int n = events.size();
        TreeMap<Integer, String> tasks = new TreeMap<>();
        for (TraceEvent e : events) {
            tasks.putIfAbsent(e.taskId(), e.taskId() == 0 ? "loop" : e.taskName());
        }
        laneNames = tasks.values().toArray(String[]::new);
        laneIds = tasks.keySet().stream().mapToInt(Integer::intValue).toArray();
        lane = new int[n];
        column = new int[n];
        columnStep = new long[n];
        columnTime = new long[n];
        int c = -1;
        for (int i = 0; i < n; i++) {
            TraceEvent e = events.get(i);
            lane[i] = Arrays.binarySearch(laneIds, e.taskId());
            if (c < 0 || e.step() != columnStep[c]) {
                c++;
                columnStep[c] = e.step();
                columnTime[c] = e.time();
            }
            column[i] = c;
        }
        columns = c + 1;
        nextRun = new int[n];
        nextOfTask = new int[n];
        int[] run = new int[laneIds.length];
        int[] any = new int[laneIds.length];
        Arrays.fill(run, -1);
        Arrays.fill(any, -1);
        for (int i = n - 1; i >= 0; i--) {
            nextRun[i] = run[lane[i]];
            nextOfTask[i] = any[lane[i]];
            TraceEvent.Kind k = events.get(i).kind();
            if (k == TraceEvent.Kind.STARTED || k == TraceEvent.Kind.RESUMED) {
                run[lane[i]] = i;
            }
            any[lane[i]] = i;
        }
    }

    int columns() {
        return columns;
    }

    int lanes() {
        return laneNames.length;
    }

    String laneName(int l) {
        return laneNames[l];
    }

    int laneTaskId(int l) {
        return laneIds[l];
    }

    long stepOf(int c) {
        return columnStep[c];
    }

    long timeOf(int c) {
        return columnTime[c];
    }

    int laneOf(int i) {
        return lane[i];
    }

    int columnOf(int i) {
        return column[i];
    }

    int nextRun(int i) {
        return nextRun[i];
    }

    /** Whether the task of event {@code i} fails with an exception in the same step. */
    boolean failsInStep(int i) {
        for (int j = nextOfTask[i]; j >= 0 && column[j] == column[i]; j = nextOfTask[j]) {
            if (events.get(j).kind() == TraceEvent.Kind.FINISHED_EXCEPTION) {
                return true;
            }
        }
        return false;
    }

    /** How many marks of the same task come before mark {@code i} in its step. */
    int markRank(int i) {
        int rank = 0;
        for (int j = i - 1; j >= 0 && column[j] == column[i]; j--) {
            if (lane[j] == lane[i] && events.get(j).kind() == TraceEvent.Kind.MARK) {
                rank++;
            }
        }
        return rank;
    }

    /** How many marks of the same task come after mark {@code i} in its step. */
    int marksAfter(int i) {
        int n = 0;
        for (int j = nextOfTask[i]; j >= 0 && column[j] == column[i]; j = nextOfTask[j]) {
            if (events.get(j).kind() == TraceEvent.Kind.MARK) {
                n++;
            }
        }
        return n;
    }

    /** The labels of mark {@code i} and the marks after it of the same task and step, joined by "; ". */
    String markLabel(int i) {
        StringBuilder sb = new StringBuilder(events.get(i).detail());
        for (int j = nextOfTask[i]; j >= 0 && column[j] == column[i]; j = nextOfTask[j]) {
            if (events.get(j).kind() == TraceEvent.Kind.MARK) {
                sb.append("; ").append(events.get(j).detail());
            }
        }
        return sb.toString();
    }

    /** The column where the label of mark {@code i} must end: the next mark of its task in a later step, or later. */
    int nextMarkColumn(int i) {
        int limit = Math.min(columns + 1, column[i] + MARK_ROOM);
        for (int j = nextOfTask[i]; j >= 0 && column[j] < limit; j = nextOfTask[j]) {
            if (column[j] > column[i] && events.get(j).kind() == TraceEvent.Kind.MARK) {
                return column[j];
            }
        }
        return limit;
    }
}

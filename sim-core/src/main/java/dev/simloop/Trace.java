package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import dev.simloop.internal.timeline.TimelinePage;
import dev.simloop.internal.timeline.TraceRendering;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The events of a run, in the order they happened, with a 64-bit fingerprint of the sequence; immutable.
 *
 * <p>Made by a loop built with {@link EventLoop.Builder#trace(TraceLevel)} ({@link EventLoop#trace()}) and by every
 * run of a {@link Simulation}. The same seed and code give the same events and fingerprint on either
 * {@link StrandBackend}. Events are kept as references and rendered only when read: {@link #events()},
 * {@link #renderText()}, {@link #renderColumns()} (one column per task), {@link #renderChromeJson()} (for
 * Perfetto or chrome://tracing) and {@link #renderHtml()} (a self-contained timeline page).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Trace {

    private final int size;
    private final byte[] kinds;
    private final long[] steps;
    private final long[] times;
    private final Task<?>[] tasks;
    private final Object[] details;
    private final StackTraceElement[] sources;
    private final long fingerprint;

    Trace(int size, byte[] kinds, long[] steps, long[] times, Task<?>[] tasks, Object[] details,
            StackTraceElement[] sources, long fingerprint) {
        this.size = size;
        this.kinds = kinds;
        this.steps = steps;
        this.times = times;
        this.tasks = tasks;
        this.details = details;
        this.sources = sources;
        this.fingerprint = fingerprint;
    }

    /** How many events there are. */
    public int size() {
        return size;
    }

    /**
     * A 64-bit hash of the whole event sequence (kinds, steps, virtual times, task ids, and what each event is about:
     * names, durations, strings, numbers, exception classes and messages; other values by class name). Equal runs
     * have equal fingerprints; the trace is the proof where they differ.
     */
    public long fingerprint() {
        return fingerprint;
    }

    /**
     * Event {@code i}, rendered.
     *
     * @param i from 0 to {@link #size()} - 1
     * @return the event
     */
    public TraceEvent event(int i) {
        java.util.Objects.checkIndex(i, size);
        Task<?> t = tasks[i];
        StackTraceElement src = sources == null ? null : sources[i];
        return new TraceEvent(i, steps[i], times[i], t == null ? 0 : t.id, t == null ? null : t.name(), kind(i),
                detail(i), src == null ? null : src.getFileName() + ":" + src.getLineNumber());
    }

    /** All events, in order, rendered as they are read. */
    public List<TraceEvent> events() {
        return new AbstractList<>() {
            @Override
            public TraceEvent get(int index) {
                return event(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    TraceEvent.Kind kind(int i) {
        return TraceRecorder.kind(kinds[i]);
    }

    long step(int i) {
        return steps[i];
    }

    Task<?> task(int i) {
        return tasks[i];
    }

    private String detail(int i) {
        Object d = details[i];
        return switch (kind(i)) {
            case SUSPENDED -> switch (d) {
                case Task<?> t -> "on task '" + t.name() + "'";
                case SimFuture<?> f -> "on future '" + f.name() + "'";
                case Duration dur when dur.isZero() -> "on a bare yield";
                case Task.Access access -> "on " + access;
                case Duration dur -> "on sleep " + VirtualTimes.format(dur.toNanos());
                case null -> "";
                default -> "on " + d;
            };
            case FINISHED_RESULT, FINISHED_EXCEPTION -> String.valueOf(d);
            case TIMER_FIRED -> "due at " + VirtualTimes.format((Long) d);
            case MARK -> (String) d;
            default -> "";
        };
    }

    /**
     * Index of the first event where this trace and {@code other} differ, or -1 if they are the same; when one is a
     * prefix of the other, the length of the shorter. Events are compared as the {@linkplain #fingerprint()
     * fingerprint} sees them, never by {@code toString} (which may show identity hashes).
     *
     * @param other the other trace, not null
     * @return the index, or -1
     */
    public int firstDifference(Trace other) {
        int n = Math.min(size, other.size);
        for (int i = 0; i < n; i++) {
            if (kinds[i] != other.kinds[i] || steps[i] != other.steps[i] || times[i] != other.times[i]
                    || id(tasks[i]) != id(other.tasks[i])
                    || TraceRecorder.detailKey(details[i]) != TraceRecorder.detailKey(other.details[i])) {
                return i;
            }
        }
        return size == other.size ? -1 : n;
    }

    private static int id(Task<?> t) {
        return t == null ? 0 : t.id;
    }

    /** One line per event, as {@link TraceEvent#toString()}. */
    public String renderText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(event(i)).append('\n');
        }
        return sb.toString();
    }

    /**
     * A table with one column per task (in creation order) and one row per event, each event in its task's column,
     * as Lincheck prints interleavings; events of no task go to a column named "-".
     */
    public String renderColumns() {
        return TraceRendering.columns(this);
    }

    /**
     * The trace as Chrome trace-event JSON, which Perfetto (ui.perfetto.dev) and chrome://tracing open: one track per
     * task, a slice for each step a task ran ending in a suspension or its end, and instant events for the rest. The
     * time axis counts steps (step s spans [s, s + 1) µs); each event's arguments give its step and virtual time.
     */
    public String renderChromeJson() {
        return TraceRendering.chromeJson(this);
    }

    /**
     * The step of the last event in which a task failed with an exception, or -1 if no task did: where a failing run
     * broke, for {@link #renderHtml(String, long)}.
     */
    public long lastFailureStep() {
        for (int i = size - 1; i >= 0; i--) {
            if (kind(i) == TraceEvent.Kind.FINISHED_EXCEPTION) {
                return steps[i];
            }
        }
        return -1;
    }

    /**
     * The trace as one self-contained HTML page titled "simloop timeline", with the {@linkplain #lastFailureStep()
     * last failure's step} highlighted; see {@link #renderHtml(String, long)}.
     */
    public String renderHtml() {
        return renderHtml("simloop timeline", lastFailureStep());
    }

    /**
     * The trace as one self-contained HTML page (inline style and script; it loads nothing): one lane per task along
     * the steps, labelled with virtual time where it moves; each step a task ran, each suspension with what it waited
     * on, each mark, timer and end marked; step {@code failingStep} highlighted; pointing at or clicking an event
     * shows it, the arrow keys step through the events, and {@code #ev=N} in the address selects event N. The same
     * trace and arguments give the same text.
     *
     * @param title the page's title, not null
     * @param failingStep the step to highlight, or -1 for none
     * @return the page
     */
    public String renderHtml(String title, long failingStep) {
        return TimelinePage.html(this, java.util.Objects.requireNonNull(title, "title"), failingStep);
    }

    @Override
    public String toString() {
        return "Trace[" + size + " events, fingerprint " + Seeds.format(fingerprint) + "]";
    }
}

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
 *
 * <p>A trace holds at most {@link EventLoop.Builder#traceCapacity(int)} events (1,000,000 by default), the last ones
 * of the run: a longer run drops its oldest events as it goes, so its heap stays flat. The fingerprint still covers
 * every event of the run. A cut trace says so: {@link #dropped()} counts what was cut, and every rendering and
 * {@link #toString()} begin with "first K of M events dropped; raise EventLoop.Builder.traceCapacity (now N) to keep
 * more". Indices ({@link #event(int)}, {@link TraceEvent#index()}) count the events held, from the oldest.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Trace {

    private final int size;
    /** Index in the arrays of event 0; the arrays are a ring that wraps past their end. */
    private final int head;
    /** Events of the run before event 0 that the trace no longer holds. */
    private final long dropped;
    /** How to keep more, for the note of a cut trace: "raise EventLoop.Builder.traceCapacity (now N) to keep more". */
    private final String keepMore;
    private final byte[] kinds;
    private final long[] steps;
    private final long[] times;
    private final Task<?>[] tasks;
    private final Object[] details;
    private final StackTraceElement[] sources;
    private final long fingerprint;

    Trace(int size, int head, long dropped, int capacity, byte[] kinds, long[] steps, long[] times, Task<?>[] tasks,
            Object[] details, StackTraceElement[] sources, long fingerprint) {
        this(size, head, dropped, kinds, steps, times, tasks, details, sources, fingerprint, "raise "
                + "EventLoop.Builder.traceCapacity (now " + capacity + ") to keep more");
    }

    private Trace(int size, int head, long dropped, byte[] kinds, long[] steps, long[] times, Task<?>[] tasks,
            Object[] details, StackTraceElement[] sources, long fingerprint, String keepMore) {
        this.size = size;
        this.head = head;
        this.dropped = dropped;
        this.keepMore = keepMore;
        this.kinds = kinds;
        this.steps = steps;
        this.times = times;
        this.tasks = tasks;
        this.details = details;
        this.sources = sources;
        this.fingerprint = fingerprint;
    }

    /** How many events the trace holds: all of the run's, or its last ones if {@link #dropped()} is positive. */
    public int size() {
        return size;
    }

    /**
     * How many of the run's first events the trace no longer holds because the run recorded more than
     * {@link EventLoop.Builder#traceCapacity(int)} events; 0 for a whole trace. The run recorded {@code dropped() +
     * size()} events.
     */
    public long dropped() {
        return dropped;
    }

    /**
     * What was cut, as one line for the top of a rendering: "first K of M events dropped; raise
     * EventLoop.Builder.traceCapacity (now N) to keep more"; empty for a whole trace. Every rendering begins with it.
     *
     * @return the note, or "" when nothing was dropped
     */
    public String cutNote() {
        return dropped == 0 ? "" : "first " + dropped + " of " + (dropped + size) + " events dropped; " + keepMore;
    }

    /**
     * The last {@code events} events of this trace, or this trace if it holds no more: for writing a long run's end
     * without all of it. The result has the same fingerprint; its {@link #dropped()} counts every event it leaves out
     * of the run, and its renderings begin "first K of M events dropped; " and then {@code keepMore}.
     *
     * @param events how many events to keep, positive
     * @param keepMore how a reader gets the rest, not null ("replay seed 0x... for the rest")
     * @return the trace of the last events
     */
    public Trace last(int events, String keepMore) {
        java.util.Objects.requireNonNull(keepMore, "keepMore");
        if (events <= 0) {
            throw new IllegalArgumentException("events must be positive, was " + events);
        }
        if (events >= size) {
            return this;
        }
        return new Trace(events, at(size - events), dropped + size - events, kinds, steps, times, tasks, details,
                sources, fingerprint, keepMore);
    }

    /** Index in the arrays of event {@code i}. */
    private int at(int i) {
        int j = head + i;
        return j < kinds.length ? j : j - kinds.length;
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
        int j = at(i);
        Task<?> t = tasks[j];
        StackTraceElement src = sources == null ? null : sources[j];
        return new TraceEvent(i, steps[j], times[j], t == null ? 0 : t.id, t == null ? null : t.name(), kind(i),
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
        return TraceRecorder.kind(kinds[at(i)]);
    }

    long step(int i) {
        return steps[at(i)];
    }

    Task<?> task(int i) {
        return tasks[at(i)];
    }

    private String detail(int i) {
        Object d = details[at(i)];
        return switch (kind(i)) {
            case SUSPENDED -> switch (d) {
                case Task<?> t -> "on task '" + t.name() + "'";
                case SimFuture<?> f -> "on " + f.describe();
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
     * Index (in this trace) of the first event where this trace and {@code other} differ, or -1 if they are the same;
     * when one is a prefix of the other, the length of the shorter. Events are compared as the {@linkplain
     * #fingerprint() fingerprint} sees them, never by {@code toString} (which may show identity hashes). Cut traces
     * are compared by the events both hold, matched by their number in the run; if those agree but the fingerprints
     * differ, the runs parted among the dropped events, and the answer is 0.
     *
     * @param other the other trace, not null
     * @return the index, or -1
     */
    public int firstDifference(Trace other) {
        java.util.Objects.requireNonNull(other, "other");
        long e = firstDifferentEvent(other);
        return e == -1 ? -1 : e == AMONG_DROPPED ? 0 : (int) (e - dropped);
    }

    /** What {@link #firstDifferentEvent} returns when the traces agree on what both hold but not on what they dropped. */
    static final long AMONG_DROPPED = Long.MIN_VALUE;

    /**
     * The number in the run (counting dropped events) of the first event where the traces differ, -1 if they are the
     * same, or {@link #AMONG_DROPPED}; as {@link #firstDifference}.
     */
    long firstDifferentEvent(Trace other) {
        long from = Math.max(dropped, other.dropped);
        long to = Math.min(dropped + size, other.dropped + other.size);
        for (long e = from; e < to; e++) {
            int i = at((int) (e - dropped));
            int k = other.at((int) (e - other.dropped));
            if (kinds[i] != other.kinds[k] || steps[i] != other.steps[k] || times[i] != other.times[k]
                    || id(tasks[i]) != id(other.tasks[k])
                    || TraceRecorder.detailKey(details[i]) != TraceRecorder.detailKey(other.details[k])) {
                return e;
            }
        }
        if (dropped + size != other.dropped + other.size) {
            return Math.max(dropped, to);
        }
        return fingerprint == other.fingerprint ? -1 : AMONG_DROPPED;
    }

    private static int id(Task<?> t) {
        return t == null ? 0 : t.id;
    }

    /** One line per event, as {@link TraceEvent#toString()}. */
    public String renderText() {
        StringBuilder sb = new StringBuilder();
        if (dropped > 0) {
            sb.append('(').append(cutNote()).append(")\n");
        }
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
                return step(i);
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
        return "Trace[" + size + " events" + (dropped == 0 ? "" : " (" + cutNote() + ")") + ", fingerprint "
                + Seeds.format(fingerprint) + "]";
    }
}

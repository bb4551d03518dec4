package dev.simloop;

import java.time.Duration;
import java.util.Arrays;

/**
 * Records a loop's events into parallel arrays, and their 64-bit fingerprint as it goes: the listener behind
 * {@link EventLoop#trace()}. It keeps references to what events are about and makes no strings while recording;
 * {@link Trace} renders them when asked. The arrays are a ring of at most {@code capacity} events: past that, each new
 * event takes the place of the oldest, so a long run holds a bounded heap, while the fingerprint covers every event.
 */
final class TraceRecorder implements LoopListener {

    private static final TraceEvent.Kind[] KINDS = TraceEvent.Kind.values();
    /** Core classes are skipped when looking for the source line of an await; user code is everything else. */
    private static final ClassValue<Boolean> CORE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String n = type.getName();
            return n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.")
                    || type.getProtectionDomain().getCodeSource() == EventLoop.class.getProtectionDomain()
                            .getCodeSource() && n.startsWith("dev.simloop.");
        }
    };
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final EventLoop loop;
    private final boolean detailed;
    /** The most events held; the arrays grow (doubling) up to this length and then wrap around. */
    private final int capacity;
    /** Events held, at most {@code capacity}. */
    private int size;
    /** Index in the arrays of the oldest event held; 0 until the ring is full and wraps. */
    private int head;
    /** Events recorded but no longer held: always the oldest ones, as the ring overwrote them. */
    private long dropped;
    private byte[] kinds;
    private long[] steps;
    private long[] times;
    private Task<?>[] tasks;
    /** What the event is about: awaited object, result, exception, timer, label; or a source line (detailed). */
    private Object[] details;
    private StackTraceElement[] sources;
    /** Set when a snapshot shares the arrays: the next event copies them first (copy on write). */
    private boolean shared;
    /** Odd multipliers that spread the fields of an event before they are mixed in. */
    private static final long K1 = 0x9E3779B97F4A7C15L, K2 = 0xC2B2AE3D27D4EB4FL, K3 = 0x165667B19E3779F9L;
    /** Hash of the events so far: kind, step, time, task id and a deterministic key of the detail. */
    private long fingerprint = 0x9E3779B97F4A7C15L;

    TraceRecorder(EventLoop loop, TraceLevel level, int capacity) {
        this.loop = loop;
        this.detailed = level == TraceLevel.DETAILED;
        this.capacity = capacity;
        int n = Math.min(256, capacity);
        kinds = new byte[n];
        steps = new long[n];
        times = new long[n];
        tasks = new Task<?>[n];
        details = new Object[n];
        if (detailed) {
            sources = new StackTraceElement[n];
        }
    }

    @Override
    public void taskCreated(Task<?> task) {
        record(TraceEvent.Kind.CREATED, loop.steps(), task, null);
    }

    @Override
    public void taskStarted(Task<?> task) {
        record(TraceEvent.Kind.STARTED, loop.steps(), task, null);
    }

    @Override
    public void taskSuspended(Task<?> task, Object on) {
        int i = record(TraceEvent.Kind.SUSPENDED, loop.steps(), task, on);
        if (detailed) {
            sources[i] = WALKER.walk(frames -> frames.filter(f -> !CORE.get(f.getDeclaringClass())).findFirst()
                    .map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
        }
    }

    @Override
    public void taskResumed(Task<?> task) {
        record(TraceEvent.Kind.RESUMED, loop.steps(), task, null);
    }

    @Override
    public void taskFinished(Task<?> task) {
        if (task.isCancelled()) {
            record(TraceEvent.Kind.FINISHED_CANCELLED, loop.steps(), task, null);
        } else if (task.peekException() != null) {
            record(TraceEvent.Kind.FINISHED_EXCEPTION, loop.steps(), task, task.peekException());
        } else {
            record(TraceEvent.Kind.FINISHED_RESULT, loop.steps(), task, task.resultForAwait());
        }
    }

    @Override
    public void timerFired(TimerHandle timer) {
        // Called just before the timer's step is counted.
        record(TraceEvent.Kind.TIMER_FIRED, loop.steps() + 1, timer.task, timer.when);
    }

    @Override
    public void mark(Task<?> task, String label) {
        record(TraceEvent.Kind.MARK, loop.steps(), task, label);
    }

    private int record(TraceEvent.Kind kind, long step, Task<?> task, Object detail) {
        if (size == kinds.length && size < capacity) {
            grow((int) Math.min(capacity, 2L * size)); // head is 0: the ring wraps only once it is full
        } else if (shared) {
            grow(kinds.length);
        }
        int i;
        if (size < capacity) {
            i = size++;
        } else {
            i = head;
            head = i + 1 == capacity ? 0 : i + 1;
            dropped++;
        }
        long time = loop.timeUnchecked();
        kinds[i] = (byte) kind.ordinal();
        steps[i] = step;
        times[i] = time;
        tasks[i] = task;
        details[i] = detail;
        long h = Seeds.mix(fingerprint ^ (kind.ordinal() | (long) (task == null ? 0 : task.id) << 8) ^ step * K1);
        fingerprint = Seeds.mix(h ^ time * K2 ^ detailKey(detail) * K3);
        return i;
    }

    /** Copies the arrays into new ones of length {@code n}: to grow, or because a snapshot shares the old ones. */
    private void grow(int n) {
        shared = false;
        kinds = Arrays.copyOf(kinds, n);
        steps = Arrays.copyOf(steps, n);
        times = Arrays.copyOf(times, n);
        tasks = Arrays.copyOf(tasks, n);
        details = Arrays.copyOf(details, n);
        if (detailed) {
            sources = Arrays.copyOf(sources, n);
        }
    }

    /**
     * A key of what an event is about that is the same in every run and JVM: never an identity hash. Values of types
     * other than strings, numbers, booleans, characters and enums count by their class name only.
     */
    static long detailKey(Object d) {
        // An if-chain, most frequent first: cheaper per event than a pattern switch.
        if (d == null) {
            return 0;
        }
        if (d instanceof Duration dur) {
            return 3L << 32 ^ dur.toNanos();
        }
        if (d instanceof Task<?> t) {
            return 1L << 32 | t.id;
        }
        if (d instanceof SimFuture<?> f) {
            return 2L << 32 ^ f.name().hashCode();
        }
        if (d instanceof Long l) {
            return l;
        }
        if (d instanceof String || d instanceof Number || d instanceof Boolean || d instanceof Character) {
            return d.hashCode();
        }
        if (d instanceof Enum<?> e) {
            return e.getDeclaringClass().getName().hashCode() * 31L + e.name().hashCode();
        }
        if (d instanceof Throwable e) {
            return e.getClass().getName().hashCode() * 31L + String.valueOf(e.getMessage()).hashCode();
        }
        return d.getClass().getName().hashCode();
    }

    long fingerprint() {
        return fingerprint;
    }

    /** A snapshot of the events so far; it shares the arrays until the next event (copy on write). */
    Trace snapshot() {
        shared = true;
        return new Trace(size, head, dropped, capacity, kinds, steps, times, tasks, details, sources, fingerprint);
    }

    static TraceEvent.Kind kind(byte ordinal) {
        return KINDS[ordinal];
    }
}

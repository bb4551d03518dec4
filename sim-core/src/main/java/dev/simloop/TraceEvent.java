package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One event of a {@link Trace}: what happened, in which step, at which virtual time, to which task.
 *
 * @param index the event's position in its trace, from 0
 * @param step the step it happened in ({@link EventLoop#stepCount()}; 0 before the first step)
 * @param time the virtual time in nanoseconds
 * @param taskId the task's {@linkplain Task#id() id}, or 0 for none (a timer or mark outside a task)
 * @param taskName the task's name, or null for none
 * @param kind what happened
 * @param detail what it was about, rendered: what a task suspended on, its result or exception, the timer's due
 *     time, the mark's label; empty when there is nothing to say
 * @param source where in the source a task suspended ("Foo.java:42"), at {@link TraceLevel#DETAILED} only; else null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TraceEvent(int index, long step, long time, int taskId, String taskName, Kind kind, String detail,
        String source) {

    /** What happened. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Kind {
        /** A task was created. */
        CREATED,
        /** A task's body began. */
        STARTED,
        /** A task's body suspended; the detail says on what. */
        SUSPENDED,
        /** A suspended task's body went on. */
        RESUMED,
        /** A task finished with a result; the detail is the result. */
        FINISHED_RESULT,
        /** A task finished with an exception; the detail is the exception. */
        FINISHED_EXCEPTION,
        /** A task was cancelled. */
        FINISHED_CANCELLED,
        /** A timer fired; the detail is its due time. */
        TIMER_FIRED,
        /** User code called {@link EventLoop#mark(String)}; the detail is the label. */
        MARK;

        /** The lower-case words used in renderings: "finished with exception", "timer fired". */
        public String words() {
            return switch (this) {
                case FINISHED_RESULT -> "finished with";
                case FINISHED_EXCEPTION -> "failed with";
                case FINISHED_CANCELLED -> "cancelled";
                case TIMER_FIRED -> "timer fired";
                default -> name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    /** Checks the components that must be present. */
    public TraceEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line: "#12 0.001000000 s worker suspended on task 'b' (Foo.java:42)". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append('#').append(step).append(' ')
                .append(VirtualTimes.format(time)).append(' ').append(taskName == null ? "-" : taskName).append(' ')
                .append(kind.words());
        if (!detail.isEmpty()) {
            sb.append(' ').append(detail);
        }
        if (source != null) {
            sb.append(" (").append(source).append(')');
        }
        return sb.toString();
    }
}

package dev.simloop.junit;

import dev.simloop.Trace;
import dev.simloop.TraceEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Trace}: the order of marks ({@link dev.simloop.Sim#mark(String)}), whether another task ran
 * between two marks, how often a task suspended; made by {@link SimAssertions#assertThat(Trace)}.
 *
 * <p>A mark is named by its label; where a label occurs more than once, its first occurrence counts.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TraceAssert extends AbstractAssert<TraceAssert, Trace> {

    TraceAssert(Trace actual) {
        super(actual, TraceAssert.class);
    }

    /**
     * Checks that marks with these labels occur in this order; other marks may come between them.
     *
     * @param labels the labels, not null
     * @return this assertion
     */
    public TraceAssert hasMarksInOrder(String... labels) {
        isNotNull();
        int from = 0;
        for (String label : labels) {
            int at = indexOf(from, e -> isMark(e, label));
            if (at < 0) {
                failWithMessage("%nExpecting trace:%n  %s%nto have the marks in order:%n  %s%nbut its marks were:"
                        + "%n  %s", actual, Arrays.asList(labels), marks());
            }
            from = at + 1;
        }
        return myself;
    }

    /**
     * Checks that the mark {@code earlier} happened before the mark {@code later}.
     *
     * @param earlier a mark's label, not null
     * @param later a mark's label, not null
     * @return this assertion
     */
    public TraceAssert hasMarkBefore(String earlier, String later) {
        TraceEvent a = mark(earlier);
        TraceEvent b = mark(later);
        if (a.index() >= b.index()) {
            failWithMessage("%nExpecting trace:%n  %s%nto have mark '%s' before mark '%s', but they happened as:%n  %s"
                    + "%n  %s", actual, earlier, later, b, a);
        }
        return myself;
    }

    /**
     * Checks that no other task ran (started or resumed) between the mark {@code start} and the first mark {@code end}
     * after it: the code between them ran as one atomic stretch.
     *
     * @param start a mark's label, not null
     * @param end a mark's label, not null
     * @return this assertion
     */
    public TraceAssert hasNoInterleavingBetween(String start, String end) {
        TraceEvent s = mark(start);
        int e = indexOf(s.index() + 1, ev -> isMark(ev, end));
        if (e < 0) {
            failWithMessage("%nExpecting trace:%n  %s%nto have mark '%s' after mark '%s', but its marks were:%n  %s",
                    actual, end, start, marks());
        }
        for (int i = s.index() + 1; i < e; i++) {
            TraceEvent ev = actual.event(i);
            boolean ran = ev.kind() == TraceEvent.Kind.STARTED || ev.kind() == TraceEvent.Kind.RESUMED;
            if (ran && ev.taskId() != s.taskId()) {
                failWithMessage("%nExpecting trace:%n  %s%nto have no other task run between mark '%s' and mark '%s', "
                        + "but task '%s' did:%n  %s%n  %s%n  %s", actual, start, end, ev.taskName(), s, ev,
                        actual.event(e));
            }
        }
        return myself;
    }

    /**
     * Checks how many times the task named {@code task} suspended (awaited something not yet done, slept, yielded).
     *
     * @param task the task's name, not null
     * @param expected the number of suspensions
     * @return this assertion
     */
    public TraceAssert hasSuspensions(String task, int expected) {
        isNotNull();
        List<TraceEvent> s = actual.events().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.SUSPENDED && task.equals(e.taskName())).toList();
        if (s.size() != expected) {
            failWithMessage("%nExpecting trace:%n  %s%nto have task '%s' suspend %s times, but it suspended %s times%s",
                    actual, task, expected, s.size(), lines(s));
        }
        return myself;
    }

    /** Whether task {@code taskId} suspended on {@code what} ("future 'reply'", "sleep 1 s", "task 'b'"). */
    static boolean suspendedOn(Trace trace, int taskId, String what) {
        return trace.events().stream().anyMatch(e -> e.kind() == TraceEvent.Kind.SUSPENDED && e.taskId() == taskId
                && e.detail().equals("on " + what));
    }

    /** What task {@code taskId} suspended on, one line each, for messages. */
    static String suspensions(Trace trace, int taskId) {
        return lines(trace.events().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.SUSPENDED && e.taskId() == taskId).toList());
    }

    private static String lines(List<TraceEvent> events) {
        StringBuilder sb = new StringBuilder(events.isEmpty() ? "" : ":");
        events.forEach(e -> sb.append(String.format("%n  %s", e)));
        return sb.toString();
    }

    private TraceEvent mark(String label) {
        isNotNull();
        int at = indexOf(0, e -> isMark(e, label));
        if (at < 0) {
            failWithMessage("%nExpecting trace:%n  %s%nto have the mark '%s', but its marks were:%n  %s", actual, label,
                    marks());
        }
        return actual.event(at);
    }

    private int indexOf(int from, Predicate<TraceEvent> p) {
        for (int i = from; i < actual.size(); i++) {
            if (p.test(actual.event(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isMark(TraceEvent e, String label) {
        return e.kind() == TraceEvent.Kind.MARK && e.detail().equals(label);
    }

    private List<String> marks() {
        List<String> m = new ArrayList<>();
        actual.events().stream().filter(e -> e.kind() == TraceEvent.Kind.MARK).forEach(e -> m.add(e.detail()));
        return m;
    }
}

package dev.simloop.net.lin;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The verdict of {@link Linearizability#check}: linearizable, or not with the shortest failing prefix, the operation
 * whose ending makes that prefix fail, and a smallest set of operations that cannot be ordered.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LinearizabilityResult<I, O> {
    private final Model<?, I, O> model;
    private final History<I, O> history;
    private final int failingPrefix;
    private final Operation<I, O> failingOperation;
    private final List<Operation<I, O>> involved;

    LinearizabilityResult(Model<?, I, O> model, History<I, O> history, int failingPrefix,
            Operation<I, O> failingOperation, List<Operation<I, O>> involved) {
        this.model = model;
        this.history = history;
        this.failingPrefix = failingPrefix;
        this.failingOperation = failingOperation;
        this.involved = involved;
    }

    /** Whether the history is linearizable. */
    public boolean isLinearizable() {
        return failingPrefix < 0;
    }

    /** How many events the shortest failing prefix has, or -1 if the history is linearizable. */
    public int failingPrefix() {
        return failingPrefix;
    }

    /** The operation whose ending is the prefix's last event, or null if the history is linearizable. */
    public Operation<I, O> failingOperation() {
        return failingOperation;
    }

    /**
     * A smallest set of the prefix's operations that is not linearizable on its own (one such set; there may be
     * others), in invocation order, the failing operation included; empty if the history is linearizable.
     */
    public List<Operation<I, O>> involved() {
        return involved;
    }

    /**
     * What a failure report shows: the verdict, and for a violation the failing prefix, the failing operation and
     * the operations involved, one a line with who, what, and when.
     */
    public String report() {
        if (isLinearizable()) {
            return "linearizable: " + history.operations().size() + " operations, " + history.events() + " events";
        }
        StringBuilder b = new StringBuilder();
        b.append("not linearizable: the shortest failing prefix has ").append(failingPrefix).append(" of ")
                .append(history.events()).append(" events; it ends as ").append(line(failingOperation))
                .append("\nno order of these ").append(involved.size())
                .append(" operations explains what the clients saw:");
        for (Operation<I, O> op : involved) {
            b.append("\n  ").append(line(op));
        }
        return b.toString();
    }

    private String line(Operation<I, O> op) {
        String end = switch (op.status()) {
            case OK -> "ok";
            case FAIL -> "fail";
            case INFO -> "info";
            case OPEN -> "open";
        };
        boolean known = op.known() && op.endEvent() < failingPrefix;
        StringBuilder b = new StringBuilder();
        b.append(op.client()).append(' ').append(model.describe(op.input(), op.output(), known))
                .append(" [invoked #").append(op.invokeEvent()).append(at(op.invokeTime()));
        if (op.endEvent() != Integer.MAX_VALUE && op.endEvent() < failingPrefix) {
            b.append(", ").append(end).append(" #").append(op.endEvent()).append(at(op.endTime()));
        } else {
            b.append(", not ended in the prefix");
        }
        return b.append(']').toString();
    }

    private static String at(long nanos) {
        return nanos < 0 ? "" : String.format(Locale.ROOT, " at %.3f ms", nanos / 1e6);
    }

    @Override
    public String toString() {
        return report();
    }
}

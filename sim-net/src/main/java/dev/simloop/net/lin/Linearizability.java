package dev.simloop.net.lin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Checks a {@link History} for linearizability against a sequential {@link Model}: whether every operation can be
 * given one instant between its invocation and its ending such that the model, applying them in that order, answers
 * what the clients saw. Failed operations are left out; operations with unknown outcome may take effect at any time
 * after their invocation, or not at all.
 *
 * <p>The search is Wing and Gong's with Lowe's memoization (as Porcupine and Knossos do it). When a history is not
 * linearizable, the result names the shortest failing prefix (a binary search over prefixes: a prefix that fails
 * makes every longer one fail) and a smallest set of operations that still cannot be ordered (each other operation of
 * the prefix removed in turn, kept out when the rest still fails).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Linearizability {
    private Linearizability() {}

    /**
     * Checks {@code history} against {@code model}.
     *
     * @param model the sequential specification, not null
     * @param history the recorded operations, not null
     * @param <S> the model's state
     * @param <I> the input type
     * @param <O> the output type
     * @return the verdict, with a report when it is a violation
     */
    public static <S, I, O> LinearizabilityResult<I, O> check(Model<S, I, O> model, History<I, O> history) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
        Search<S, I, O> search = new Search<>(model);
        List<Operation<I, O>> all = history.operations();
        int events = history.events();
        if (search.linearizable(visible(all, events), events)) {
            return new LinearizabilityResult<>(model, history, -1, null, List.of());
        }
        // The shortest failing prefix: the first event count k at which the prefix fails.
        int lo = 1;
        int hi = events;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (search.linearizable(visible(all, mid), mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int prefix = lo;
        List<Operation<I, O>> ops = visible(all, prefix);
        Operation<I, O> last = null;
        for (Operation<I, O> op : ops) {
            if (op.endEvent() == prefix - 1) {
                last = op;
            }
        }
        List<Operation<I, O>> core = new ArrayList<>(ops);
        for (int i = core.size() - 1; i >= 0; i--) {
            if (core.get(i) == last) {
                continue;
            }
            List<Operation<I, O>> without = new ArrayList<>(core);
            without.remove(i);
            if (!search.linearizable(without, prefix)) {
                core = without;
            }
        }
        return new LinearizabilityResult<>(model, history, prefix, last, List.copyOf(core));
    }

    /**
     * The operations visible in the first {@code horizon} events: invoked before it and not failed before it. An
     * operation failed at or after the horizon is still unknown there.
     */
    private static <I, O> List<Operation<I, O>> visible(List<Operation<I, O>> all, int horizon) {
        List<Operation<I, O>> out = new ArrayList<>();
        for (Operation<I, O> op : all) {
            if (op.invokeEvent() < horizon && !(op.status() == Operation.Status.FAIL && op.endEvent() < horizon)) {
                out.add(op);
            }
        }
        return out;
    }
}

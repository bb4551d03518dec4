package dev.simloop.net.lin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One linearizability search over a set of operations (Wing and Gong's backtracking, with Lowe's memoization as
 * Porcupine does it): the calls and returns form a doubly linked list in history order; the search linearizes the
 * first call it can, lifting the call and its return out of the list, and backtracks when it reaches a return whose
 * call could not be linearized. A configuration (the set of linearized operations and the model's state) seen before
 * is not explored again.
 */
final class Search<S, I, O> {

    /** A call or return in the linked list. */
    private static final class Entry<I, O> {
        final Operation<I, O> op;
        /** The position of the operation in the search's list: its bit in the linearized set. */
        final int bit;
        final boolean call;
        Entry<I, O> match;
        Entry<I, O> prev;
        Entry<I, O> next;

        Entry(Operation<I, O> op, int bit, boolean call) {
            this.op = op;
            this.bit = bit;
            this.call = call;
        }
    }

    /** A configuration already explored. */
    private record Seen(BitSet linearized, Object state) {}

    /** A call linearized, with the state before it, for backtracking. */
    private record Step<S, I, O>(Entry<I, O> call, S before) {}

    private final Model<S, I, O> model;

    Search(Model<S, I, O> model) {
        this.model = model;
    }

    /**
     * Whether {@code ops} are linearizable. Operations with {@code known() == false} return at the end of the
     * history, after every known return, in the order given.
     */
    boolean linearizable(List<Operation<I, O>> ops, int horizon) {
        List<Entry<I, O>> events = new ArrayList<>(ops.size() * 2);
        List<Entry<I, O>> late = new ArrayList<>();
        Entry<I, O>[] byPosition = newArray(horizon);
        for (int i = 0; i < ops.size(); i++) {
            Operation<I, O> op = ops.get(i);
            Entry<I, O> c = new Entry<>(op, i, true);
            Entry<I, O> r = new Entry<>(op, i, false);
            c.match = r;
            r.match = c;
            byPosition[op.invokeEvent()] = c;
            if (op.known() && op.endEvent() < horizon) {
                byPosition[op.endEvent()] = r;
            } else {
                late.add(r);
            }
        }
        for (Entry<I, O> e : byPosition) {
            if (e != null) {
                events.add(e);
            }
        }
        events.addAll(late);
        Entry<I, O> head = new Entry<>(null, -1, false);
        Entry<I, O> last = head;
        for (Entry<I, O> e : events) {
            last.next = e;
            e.prev = last;
            last = e;
        }
        BitSet linearized = new BitSet(ops.size());
        Set<Seen> seen = new HashSet<>();
        ArrayDeque<Step<S, I, O>> calls = new ArrayDeque<>();
        S state = model.initial();
        Entry<I, O> entry = head.next;
        while (head.next != null) {
            if (entry.call) {
                Operation<I, O> op = entry.op;
                S next = entry.match.op.known() && entry.match.op.endEvent() < horizon
                        ? model.step(state, op.input(), op.output()) : model.apply(state, op.input());
                if (next != null) {
                    BitSet after = (BitSet) linearized.clone();
                    after.set(entry.bit);
                    if (seen.add(new Seen(after, next))) {
                        calls.push(new Step<>(entry, state));
                        state = next;
                        linearized.set(entry.bit);
                        lift(entry);
                        entry = head.next;
                        continue;
                    }
                }
                entry = entry.next;
            } else {
                if (calls.isEmpty()) {
                    return false;
                }
                Step<S, I, O> step = calls.pop();
                state = step.before();
                linearized.clear(step.call().bit);
                unlift(step.call());
                entry = step.call().next;
            }
        }
        return true;
    }

    private static <I, O> void lift(Entry<I, O> call) {
        call.prev.next = call.next;
        if (call.next != null) {
            call.next.prev = call.prev;
        }
        Entry<I, O> ret = call.match;
        ret.prev.next = ret.next;
        if (ret.next != null) {
            ret.next.prev = ret.prev;
        }
    }

    private static <I, O> void unlift(Entry<I, O> call) {
        Entry<I, O> ret = call.match;
        ret.prev.next = ret;
        if (ret.next != null) {
            ret.next.prev = ret;
        }
        call.prev.next = call;
        if (call.next != null) {
            call.next.prev = call;
        }
    }

    @SuppressWarnings("unchecked")
    private static <I, O> Entry<I, O>[] newArray(int n) {
        return (Entry<I, O>[]) new Entry<?, ?>[n];
    }
}

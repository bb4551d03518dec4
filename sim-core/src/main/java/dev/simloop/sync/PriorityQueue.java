package dev.simloop.sync;

import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link Queue} whose {@code get} returns the smallest item (asyncio's {@code PriorityQueue}); otherwise the same.
 *
 * <p>Items that compare equal come out in the order they were put: CPython's heap leaves that order undefined, and
 * simloop fixes it to creation order so that runs are deterministic. Items must not be null.
 *
 * @param <E> the type of the items
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class PriorityQueue<E> extends Queue<E> {

    /** An unbounded queue in the items' natural order. */
    public PriorityQueue() {
        this(0, null);
    }

    /**
     * A queue of at most {@code maxsize} items in their natural order (asyncio's {@code PriorityQueue(maxsize)}).
     *
     * @param maxsize the bound; zero or negative for none
     */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * A queue of at most {@code maxsize} items in the order of {@code comparator}.
     *
     * @param maxsize the bound; zero or negative for none
     * @param comparator the order, may be null for the items' natural order (they must then be {@link Comparable})
     */
    public PriorityQueue(int maxsize, Comparator<? super E> comparator) {
        super(maxsize, heap(comparator));
    }

    private record Entry<E>(E item, long sequence) {}

    @SuppressWarnings("unchecked")
    private static <E> Store<E> heap(Comparator<? super E> comparator) {
        Comparator<? super E> order = comparator != null ? comparator
                : (a, b) -> ((Comparable<? super E>) a).compareTo(b);
        Comparator<Entry<E>> byItemThenSequence = (a, b) -> {
            int c = order.compare(a.item(), b.item());
            return c != 0 ? c : Long.compare(a.sequence(), b.sequence());
        };
        java.util.PriorityQueue<Entry<E>> entries = new java.util.PriorityQueue<>(byItemThenSequence);
        return new Store<>() {
            /** Put order: breaks ties between equal items so that they leave in the order they came. */
            private long nextSequence;

            public void add(E item) {
                entries.add(new Entry<>(Objects.requireNonNull(item, "a PriorityQueue item must not be null"),
                        nextSequence++));
            }

            public E remove() {
                return entries.remove().item();
            }

            public int size() {
                return entries.size();
            }
        };
    }
}

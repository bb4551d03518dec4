package dev.simloop.sync;

import java.util.ArrayList;
import org.apiguardian.api.API;

/**
 * A {@link Queue} whose {@code get} returns the item put last (asyncio's {@code LifoQueue}); otherwise the same.
 *
 * @param <E> the type of the items
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class LifoQueue<E> extends Queue<E> {

    /** An unbounded stack-ordered queue. */
    public LifoQueue() {
        this(0);
    }

    /**
     * A stack-ordered queue of at most {@code maxsize} items.
     *
     * @param maxsize the bound; zero or negative for none
     */
    public LifoQueue(int maxsize) {
        super(maxsize, stack());
    }

    private static <E> Store<E> stack() {
        ArrayList<E> items = new ArrayList<>();
        return new Store<>() {
            public void add(E item) {
                items.add(item);
            }

            public E remove() {
                return items.remove(items.size() - 1);
            }

            public int size() {
                return items.size();
            }
        };
    }
}

package dev.simloop.sync;

import dev.simloop.Sim;
import dev.simloop.SimFuture;
import java.util.ArrayDeque;
import java.util.LinkedList;
import org.apiguardian.api.API;

/**
 * A first-in, first-out queue for tasks of one loop (asyncio's {@code Queue}), bounded or not.
 *
 * <p>{@link #put} waits while a bounded queue is full and {@link #get} while it is empty; waiting putters and getters
 * are served in the order they started waiting, and one that is woken but cancelled before it runs passes its turn
 * to the next, as in CPython 3.13. Every {@code put} adds an unfinished task that {@link #taskDone()} takes back;
 * {@link #join()} waits until none remain. {@link #shutdown(boolean)} (3.13) makes further puts fail and, once the
 * queue is empty (at once with {@code immediate}), gets fail too, with {@link QueueShutDownException}.
 *
 * <p>Items may be null. Not thread-safe: use it from the tasks of one loop. Named after asyncio; beware the clash
 * with {@link java.util.Queue} when importing both packages.
 *
 * @param <E> the type of the items
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class Queue<E> {

    /** The loop this waits on; bound at the first wait. */
    private final LoopBound bound = new LoopBound();

    /** Where the items live; subclasses choose the order in which they come out. */
    interface Store<E> {
        void add(E item);

        E remove();

        int size();
    }

    private final int maxsize;
    private final Store<E> store;
    /** Futures of tasks waiting in get/put, in the order they started waiting. */
    private final ArrayDeque<SimFuture<Void>> getters = new ArrayDeque<>();
    private final ArrayDeque<SimFuture<Void>> putters = new ArrayDeque<>();
    private int unfinishedTasks;
    /** Set while no task is unfinished; {@link #join()} waits for it. */
    private final Event finished = new Event();
    private boolean shutDown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * A queue that holds at most {@code maxsize} items.
     *
     * @param maxsize the bound; zero or negative for none
     */
    public Queue(int maxsize) {
        this(maxsize, fifo());
    }

    Queue(int maxsize, Store<E> store) {
        this.maxsize = maxsize;
        this.store = store;
        finished.set();
    }

    private static <E> Store<E> fifo() {
        LinkedList<E> items = new LinkedList<>(); // allows null items, unlike ArrayDeque
        return new Store<>() {
            public void add(E item) {
                items.addLast(item);
            }

            public E remove() {
                return items.removeFirst();
            }

            public int size() {
                return items.size();
            }
        };
    }

    /** The bound given at creation; zero or negative means unbounded. */
    public int maxsize() {
        return maxsize;
    }

    /** The number of items in the queue. */
    public int qsize() {
        return store.size();
    }

    /** Whether the queue holds no item. */
    public boolean empty() {
        return store.size() == 0;
    }

    /** Whether a bounded queue holds {@code maxsize} items (an unbounded one is never full). */
    public boolean full() {
        return maxsize > 0 && store.size() >= maxsize;
    }

    /**
     * Adds an item, first waiting for room while the queue is full.
     *
     * @param item the item, may be null
     * @throws QueueShutDownException if the queue is shut down
     */
    public void put(E item) {
        while (full() || shutDown) {
            if (shutDown) {
                throw shutDownError("put");
            }
            waitIn(putters, false);
        }
        putNowait(item);
    }

    /**
     * Adds an item without waiting.
     *
     * @param item the item, may be null
     * @throws QueueFullException if a bounded queue is full
     * @throws QueueShutDownException if the queue is shut down
     */
    public void putNowait(E item) {
        bound.checkThread();
        if (shutDown) {
            throw shutDownError("putNowait");
        }
        if (full()) {
            throw new QueueFullException("putNowait on a full queue (" + maxsize + " of " + maxsize
                    + " items): wait for room with put(item), or make the queue larger.");
        }
        store.add(item);
        unfinishedTasks++;
        finished.clear();
        wakeUpNext(getters);
    }

    /**
     * Removes and returns the next item, first waiting while the queue is empty.
     *
     * @return the item, may be null
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public E get() {
        while (empty()) {
            if (shutDown) {
                throw shutDownError("get");
            }
            waitIn(getters, true);
        }
        return getNowait();
    }

    /**
     * Removes and returns the next item without waiting.
     *
     * @return the item, may be null
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public E getNowait() {
        bound.checkThread();
        if (empty()) {
            if (shutDown) {
                throw shutDownError("getNowait");
            }
            throw new QueueEmptyException("getNowait on an empty queue: wait for an item with get(), or check "
                    + "empty() first.");
        }
        E item = store.remove();
        wakeUpNext(putters);
        return item;
    }

    /**
     * Marks one item taken by a getter as fully processed; when none remain, {@link #join()} returns.
     *
     * @throws IllegalStateException if called more often than items were put
     */
    public void taskDone() {
        bound.checkThread();
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("taskDone() called too many times: every call must match one item "
                    + "that was put and taken. Call it once per item you got, after processing it.");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /** Waits until every item put has been matched by a {@link #taskDone()} call; returns at once if so already. */
    public void join() {
        if (unfinishedTasks > 0) {
            finished.await();
        }
    }

    /** Shuts the queue down without dropping its items; see {@link #shutdown(boolean)}. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (CPython 3.13): puts fail from now on, gets fail once the queue is empty, and every
     * waiting putter and getter wakes up to find that out.
     *
     * @param immediate whether to drop the items still queued, each counted as done for {@link #join()}
     */
    public void shutdown(boolean immediate) {
        bound.checkThread();
        shutDown = true;
        if (immediate) {
            while (!empty()) {
                store.remove();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        releaseAll(getters);
        releaseAll(putters);
    }

    /** Whether {@link #shutdown(boolean)} was called. */
    public boolean isShutDown() {
        return shutDown;
    }

    private void waitIn(ArrayDeque<SimFuture<Void>> waiters, boolean getting) {
        SimFuture<Void> waiter = bound.newWaiter(this, getting ? "queue get" : "queue put");
        waiters.addLast(waiter);
        try {
            Sim.await(waiter);
        } catch (Throwable t) {
            waiter.cancel(); // in case it is still pending
            waiters.remove(waiter); // it may already be gone: taken by a wake-up or a shutdown
            if ((getting ? !empty() : !full()) && !waiter.isCancelled()) {
                wakeUpNext(waiters); // it was woken for an item or a slot it will not take: pass the turn on
            }
            throw t;
        }
    }

    private static void wakeUpNext(ArrayDeque<SimFuture<Void>> waiters) {
        while (!waiters.isEmpty()) {
            SimFuture<Void> waiter = waiters.pollFirst();
            if (!waiter.isDone()) {
                waiter.setResult(null);
                return;
            }
        }
    }

    private static void releaseAll(ArrayDeque<SimFuture<Void>> waiters) {
        while (!waiters.isEmpty()) {
            LoopBound.release(waiters.pollFirst());
        }
    }

    private QueueShutDownException shutDownError(String operation) {
        return new QueueShutDownException(operation + " on a queue that was shut down"
                + (operation.startsWith("get") ? " and is empty" : "")
                + ": no more items will come. Stop " + (operation.startsWith("get") ? "consuming" : "producing")
                + " when you catch this.");
    }
}

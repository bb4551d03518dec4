package dev.simloop;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A loop's scheduled work and the order it runs in: the ready queue, the timers, the callbacks handed over by other
 * threads, and the current iteration's batch, as CPython's {@code _run_once} fixes it. {@link #startIteration()}
 * begins an iteration; {@link #next()} hands out its callbacks one at a time, in FIFO order on the fast path, or as
 * the policy's {@link Scheduler} picks them ({@link #pickFromBatch()}), recording the picks.
 *
 * <p>Owned by one {@link EventLoop}, which schedules and runs through it on the loop's thread; only
 * {@link #handOver(Runnable)} may be called from another thread. It counts the scheduled foreground work (what keeps
 * {@link EventLoop#runUntilIdle()} going) and the cancellations; it asks the loop to check the step and time limits.
 */
final class ReadyQueue {

    private final EventLoop loop;
    private final LoopClock clock;
    /** Callbacks ready to run, in the order they became ready (FIFO). */
    private final ArrayDeque<Handle> ready = new ArrayDeque<>();
    /** How many callbacks of the current iteration are still to run: those ready when the iteration began. */
    private int batchRemaining;
    private final TimerQueue timers = new TimerQueue();
    /** Creation number of the next timer; breaks ties between equal deadlines in creation order. */
    private long timerSequence;
    /** Callbacks handed over by other threads; moved to the ready queue when an iteration begins. */
    private final ConcurrentLinkedQueue<Runnable> inbox;
    /** Scheduled callbacks (ready or timed) that are not background work: what keeps runUntilIdle going. */
    private int pendingForeground;

    /**
     * Picks the next callback of an iteration; null for FIFO, whose path is the plain {@link #ready} deque. With a
     * scheduler, {@link #startIteration()} moves the iteration's callbacks into {@link #batch}, in FIFO order.
     */
    private final Scheduler scheduler;
    /** The iteration's callbacks not yet run, in FIFO order: {@link #batchRemaining} of them (scheduler path). */
    private Handle[] batch;
    /** How many handles were ever cancelled: the scheduler path drops cancelled ones from the batch when it moved. */
    private long cancellations;
    /** {@link #cancellations} when the batch was last free of cancelled handles. */
    private long batchCleanAt = -1;
    /** The decisions taken: a pick among two or more callbacks; null under FIFO. */
    private final DecisionLog decisions;

    /**
     * @param inbox the hand-over queue, shared with a real-time clock that wakes up when it fills
     * @param scheduler the policy's scheduler, null for FIFO
     */
    ReadyQueue(EventLoop loop, LoopClock clock, ConcurrentLinkedQueue<Runnable> inbox, Scheduler scheduler) {
        this.loop = loop;
        this.clock = clock;
        this.inbox = inbox;
        this.scheduler = scheduler;
        this.batch = scheduler == null ? null : new Handle[16];
        this.decisions = scheduler == null ? null : new DecisionLog();
    }

    // ---------------------------------------------------------------- scheduling

    Handle callSoon(Runnable callback, boolean background) {
        Handle h = new Handle(loop, callback, background);
        ready.addLast(h);
        if (!background) {
            pendingForeground++;
        }
        return h;
    }

    TimerHandle callAt(long when, Runnable callback, boolean background) {
        TimerHandle t = new TimerHandle(loop, callback, background, when, timerSequence++);
        timers.add(t);
        if (!background) {
            pendingForeground++;
        }
        return t;
    }

    /** From any thread: {@code callback} joins the ready queue when the next iteration begins. */
    void handOver(Runnable callback) {
        inbox.add(callback);
    }

    void cancelTimer(TimerHandle t) {
        if (!t.cancelled) {
            t.cancelled = true;
            cancelled(t);
        }
    }

    /** A handle was cancelled: a timer leaves the heap now; a ready callback is skipped when reached. */
    void cancelled(Handle h) {
        if (h instanceof TimerHandle t) {
            timers.remove(t);
        }
        if (!h.ran && !h.background) {
            pendingForeground--;
        }
        cancellations++;
    }

    /** A new task: the scheduler, if any, learns of it (PCT gives it a priority). */
    void taskCreated(Task<?> task) {
        if (scheduler != null) {
            scheduler.taskCreated(task);
        }
    }

    // ---------------------------------------------------------------- state

    /** Whether foreground work is scheduled or handed over: the negation of {@link EventLoop#isIdle()}. */
    boolean hasForegroundWork() {
        return pendingForeground > 0 || !inbox.isEmpty();
    }

    /** Whether anything is ready, handed over, or due by {@code deadline}. */
    boolean hasWorkDueBy(long deadline) {
        if (batchRemaining > 0 || !ready.isEmpty() || !inbox.isEmpty()) {
            return true;
        }
        TimerHandle first = timers.peek();
        return first != null && first.when <= deadline;
    }

    /** Whether the current iteration has run all its callbacks: the next step needs {@link #startIteration()}. */
    boolean iterationDone() {
        return batchRemaining == 0;
    }

    /** The decisions the scheduler took so far; none under FIFO. */
    Decisions decisions(long seed) {
        return decisions == null ? Decisions.none(seed) : decisions.toDecisions(seed, scheduler.describe());
    }

    // ---------------------------------------------------------------- iterations

    /**
     * Begins an iteration: takes in the thread-safe hand-offs, advances the clock to the first timer if nothing is
     * ready, moves the due timers to the ready queue, and fixes the iteration's batch. False if there is nothing at
     * all to run; a real-time loop never says so: it waits for its next timer or for work from another thread.
     */
    boolean startIteration() {
        while (true) {
            Runnable handedOver;
            while ((handedOver = inbox.poll()) != null) {
                ready.addLast(new Handle(loop, handedOver, false));
                pendingForeground++;
            }
            if (!ready.isEmpty()) {
                break;
            }
            TimerHandle first = timers.peek();
            if (first == null) {
                if (!clock.waitsForOtherThreads()) {
                    return false;
                }
                clock.advanceTo(Long.MAX_VALUE);
                continue;
            }
            loop.checkTimeBudget(first.when);
            clock.advanceTo(first.when);
            if (clock.now() >= first.when) {
                break;
            }
        }
        long now = clock.now();
        TimerHandle due;
        while ((due = timers.peek()) != null && due.when <= now) {
            timers.poll();
            ready.addLast(due);
        }
        batchRemaining = ready.size();
        if (scheduler != null) {
            batchCleanAt = -1;
            if (batch.length < batchRemaining) {
                batch = new Handle[Math.max(batchRemaining, batch.length * 2)];
            }
            for (int i = 0; i < batchRemaining; i++) {
                batch[i] = ready.pollFirst();
            }
        }
        return true;
    }

    /**
     * Takes the next callback of the current iteration, marked as run and no longer pending; null if it was
     * cancelled (it is skipped, and takes no step). The step limit is checked before a live callback is taken.
     */
    Handle next() {
        Handle h;
        if (scheduler == null) {
            h = ready.peekFirst();
            if (!h.cancelled) {
                loop.checkStepBudget();
            }
            ready.pollFirst();
            batchRemaining--;
            if (h.cancelled) {
                return null;
            }
        } else if ((h = pickFromBatch()) == null) {
            return null;
        }
        h.ran = true;
        if (!h.background) {
            pendingForeground--;
        }
        return h;
    }

    /**
     * The scheduler path of {@link #next()}: drops the cancelled callbacks of the batch (they run under no policy),
     * lets the scheduler pick one of the rest and records the pick when there were two or more. Null if the batch
     * held only cancelled callbacks.
     */
    private Handle pickFromBatch() {
        if (batchCleanAt != cancellations) {
            int kept = 0;
            for (int i = 0; i < batchRemaining; i++) {
                Handle c = batch[i];
                if (!c.cancelled) {
                    batch[kept++] = c;
                }
            }
            Arrays.fill(batch, kept, batchRemaining, null);
            batchRemaining = kept;
            batchCleanAt = cancellations;
            if (kept == 0) {
                return null;
            }
        }
        int n = batchRemaining;
        loop.checkStepBudget();
        int choice = scheduler.pick(batch, n, loop.steps() + 1);
        if (n > 1) {
            decisions.add(choice, n);
        }
        Handle h = batch[choice];
        System.arraycopy(batch, choice + 1, batch, choice, n - choice - 1);
        batch[--batchRemaining] = null;
        return h;
    }

    /** Drops everything scheduled: the loop closed. */
    void clear() {
        ready.clear();
        if (batch != null) {
            Arrays.fill(batch, null);
            batchRemaining = 0;
        }
        timers.clear();
        inbox.clear();
    }
}

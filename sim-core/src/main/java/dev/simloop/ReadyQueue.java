package dev.simloop;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A loop's scheduled work and the order it runs in: the ready queue, the timers, the callbacks handed over by other
 * threads, and the current iteration's batch, as CPython's {@code _run_once} fixes it. {@link #startIteration()}
 * begins an iteration; {@link #next()} hands out callbacks one at a time, in FIFO order on the fast path, or as the
 * policy's {@link Scheduler} picks them ({@link #pickFromBatch()}), recording the picks and the delays.
 *
 * <p>On the scheduler path the candidates live in one array, {@link #batch}, in FIFO order (CPython's order of what
 * would run next), in three regions: the current iteration's callbacks not yet run, then the callbacks that became
 * ready since (the next iteration's, in the order they became ready), then the timers that fell due since, by
 * deadline. Step scope picks from all three, taking in new ready callbacks and due timers before each pick; the
 * per-iteration scope picks from the first region only.
 *
 * <p>Owned by one {@link EventLoop}, which schedules and runs through it on the loop's thread; only
 * {@link #handOver(Runnable)} may be called from another thread. It counts the scheduled foreground work (what keeps
 * {@link EventLoop#runUntilIdle()} going) and the cancellations; it asks the loop to check the step and time limits.
 */
final class ReadyQueue {

    private final EventLoop loop;
    private final LoopClock clock;
    /** Callbacks ready to run, in the order they became ready (FIFO); the scheduler path moves them to the batch. */
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
     * Picks the next callback; null for FIFO, whose path is the plain {@link #ready} deque. With a scheduler, the
     * ready callbacks move into {@link #batch}, in FIFO order.
     */
    private final Scheduler scheduler;
    /** Whether the scheduler picks only among the current iteration's callbacks (asyncio's scope). */
    private final boolean perIteration;
    /**
     * The candidates not yet run, in FIFO order (scheduler path): {@code [0, batchRemaining)} the current iteration's,
     * {@code [batchRemaining, timersFrom)} the callbacks ready since, {@code [timersFrom, batchSize)} the timers due
     * since. Under the per-iteration scope the last two regions stay empty.
     */
    private Handle[] batch;
    /**
     * Beside {@link #batch}, position for position: whether that callback was passed over, that is, a policy ran
     * another while it was ready and ahead in FIFO order. That step cost one delay; later ones pass it over for free.
     * Kept apart from the handles so that counting a pick's delays reads one small array.
     */
    private boolean[] passed;
    private int batchSize;
    private int timersFrom;
    /**
     * Every callback in {@code batch[0, passedPrefix)} was passed over ({@link #passed}): a pick passes over all
     * callbacks ahead of it, so the passed-over ones gather at the front, and counting a pick's delays needs to look
     * only past them. A lower bound: callbacks taken in before it move it down.
     */
    private int passedPrefix;
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
        this.perIteration = scheduler != null && scheduler.perIteration;
        this.batch = scheduler == null ? null : new Handle[16];
        this.passed = scheduler == null ? null : new boolean[16];
        this.decisions = scheduler == null ? null : new DecisionLog(scheduler.frontierCap, scheduler.runsTaskOn);
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
        if (batchSize > 0 || batchRemaining > 0 || !ready.isEmpty() || !inbox.isEmpty()) {
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
        return decisions == null ? Decisions.none(seed)
                : decisions.toDecisions(seed, scheduler.describe(), perIteration);
    }

    // ---------------------------------------------------------------- iterations

    /**
     * Begins an iteration: takes in the thread-safe hand-offs, advances the clock to the first timer if nothing is
     * ready, moves the due timers to the ready queue, and fixes the iteration's batch. False if there is nothing at
     * all to run; a real-time loop never says so: it waits for its next timer or for work from another thread.
     */
    boolean startIteration() {
        loop.reportRefusedCalls();
        while (true) {
            Runnable handedOver;
            while ((handedOver = inbox.poll()) != null) {
                ready.addLast(new Handle(loop, handedOver, false));
                pendingForeground++;
            }
            if (!ready.isEmpty() || batchSize > 0) {
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
            loop.checkTimeLimit(first.when, first.background);
            clock.advanceTo(first.when);
            if (clock.now() >= first.when) {
                break;
            }
        }
        if (scheduler == null) {
            long now = clock.now();
            TimerHandle due;
            while ((due = timers.peek()) != null && due.when <= now) {
                timers.poll();
                ready.addLast(due);
            }
            batchRemaining = ready.size();
        } else {
            takeInReady();
            batchRemaining = batchSize;
            timersFrom = batchSize;
        }
        return true;
    }

    /**
     * The scheduler path: moves the callbacks that became ready into the batch, before the due timers, and the timers
     * now due after them, so the batch stays in the order CPython would run it.
     */
    private void takeInReady() {
        int added = ready.size();
        if (added > 0) {
            ensureBatchCapacity(batchSize + added);
            System.arraycopy(batch, timersFrom, batch, timersFrom + added, batchSize - timersFrom);
            System.arraycopy(passed, timersFrom, passed, timersFrom + added, batchSize - timersFrom);
            passedPrefix = Math.min(passedPrefix, timersFrom);
            for (int i = 0; i < added; i++) {
                Handle h = ready.pollFirst();
                if (h.cancelled) {
                    batchCleanAt = -1;
                }
                batch[timersFrom + i] = h;
                passed[timersFrom + i] = false;
            }
            timersFrom += added;
            batchSize += added;
        }
        long now = clock.now();
        TimerHandle due;
        while ((due = timers.peek()) != null && due.when <= now) {
            timers.poll();
            ensureBatchCapacity(batchSize + 1);
            passed[batchSize] = false;
            batch[batchSize++] = due;
        }
    }

    private void ensureBatchCapacity(int size) {
        if (batch.length < size) {
            batch = Arrays.copyOf(batch, Math.max(size, batch.length * 2));
            passed = Arrays.copyOf(passed, batch.length);
        }
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
                loop.checkStepLimit();
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
     * The scheduler path of {@link #next()}: takes in what became ready (step scope), drops the cancelled callbacks
     * (they run under no policy), lets the scheduler pick one of the candidates its scope allows, and records the pick
     * when there were two or more, with its delays. Past the fair tail's bound the pick is FIFO's and not recorded.
     * Null if the current iteration held only cancelled callbacks.
     */
    private Handle pickFromBatch() {
        if (!perIteration) {
            takeInReady();
        }
        if (batchCleanAt != cancellations) {
            dropCancelled();
            if (batchRemaining == 0) {
                return null;
            }
        }
        int n = perIteration ? batchRemaining : batchSize;
        loop.checkStepLimit();
        long step = loop.steps() + 1;
        int choice = 0;
        if (step <= scheduler.fairAfter) {
            choice = scheduler.pick(batch, n, step);
            if (n > 1) {
                decisions.add(choice, n);
                if (decisions.recordsFrontier()) { // a search's run
                    if (scheduler.runsTaskOn) {
                        decisions.addBasePick(scheduler.basePick());
                    } else {
                        decisions.addFresh(passed, n);
                    }
                }
                if (choice > 0) {
                    countDelays(choice, step);
                }
            }
        }
        Handle h = batch[choice];
        System.arraycopy(batch, choice + 1, batch, choice, batchSize - choice - 1);
        System.arraycopy(passed, choice + 1, passed, choice, batchSize - choice - 1);
        batch[--batchSize] = null;
        if (choice < batchRemaining) {
            batchRemaining--;
        }
        if (choice < timersFrom) {
            timersFrom--;
        }
        passedPrefix = choice >= passedPrefix ? choice : passedPrefix - 1;
        return h;
    }

    /** The callbacks ahead of {@code choice} that were never passed over cost a delay each, and now are. */
    private void countDelays(int choice, long step) {
        int fresh = 0;
        for (int i = passedPrefix; i < choice; i++) {
            if (!passed[i]) {
                passed[i] = true;
                fresh++;
            }
        }
        decisions.addDelays(step, fresh);
    }

    /** Removes the cancelled handles from the batch, keeping its order and its regions. */
    private void dropCancelled() {
        int kept = 0;
        int keptInIteration = 0;
        int keptBeforeTimers = 0;
        for (int i = 0; i < batchSize; i++) {
            Handle c = batch[i];
            if (!c.cancelled) {
                passed[kept] = passed[i];
                batch[kept++] = c;
                if (i < batchRemaining) {
                    keptInIteration++;
                }
                if (i < timersFrom) {
                    keptBeforeTimers++;
                }
            }
        }
        Arrays.fill(batch, kept, batchSize, null);
        batchSize = kept;
        passedPrefix = 0;
        while (passedPrefix < kept && passed[passedPrefix]) {
            passedPrefix++;
        }
        batchRemaining = keptInIteration;
        timersFrom = keptBeforeTimers;
        batchCleanAt = cancellations;
    }

    /** Drops everything scheduled: the loop closed. */
    void clear() {
        ready.clear();
        if (batch != null) {
            Arrays.fill(batch, null);
            batchRemaining = 0;
            batchSize = 0;
            timersFrom = 0;
            passedPrefix = 0;
        }
        timers.clear();
        inbox.clear();
    }
}

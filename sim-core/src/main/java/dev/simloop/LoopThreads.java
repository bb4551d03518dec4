package dev.simloop;

import dev.simloop.internal.Sneaky;
import dev.simloop.internal.Strand;
import dev.simloop.internal.Strands;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Which thread may call into a loop right now, and the strand switch: the one place where control passes between the
 * loop and a coroutine's body.
 *
 * <p>A loop belongs to the thread that built it, its <em>owner</em>. While a task's body runs, the thread allowed to
 * call in ({@link #active}) is the body's own: the owner itself on the Continuation strand, the strand's virtual
 * thread on the baton strand; on the baton strand a platform caller also hands the running over to a virtual
 * "driver" thread ({@link #runAsLoop}). Every other thread is refused ({@link #check()}), and the refusals are kept
 * for the loop to report, because a caller may swallow them.
 *
 * <p>Owned by one {@link EventLoop}, in a final field; every method but {@link #check()}'s refusal path runs on the
 * loop's thread.
 */
final class LoopThreads {

    /**
     * The loop whose code runs on this thread: set on the loop's thread while it runs, and on a baton strand's
     * virtual thread for its life. Per thread, like asyncio's running loop; nothing global is shared between loops.
     */
    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();

    private final EventLoop loop;
    private final StrandBackend backend;
    private final Thread owner;
    /** The thread allowed to call in right now: the owner, the baton driver, or the running baton strand's thread. */
    private Thread active;
    /** The task whose body runs right now, or null between task steps. */
    private Task<?> running;
    /** Calls refused by {@link #check()}, from any thread; the loop reports them on its own thread. */
    private final ConcurrentLinkedQueue<WrongThreadException> refused = new ConcurrentLinkedQueue<>();

    LoopThreads(EventLoop loop, StrandBackend backend) {
        this.loop = loop;
        this.backend = backend;
        this.owner = Thread.currentThread();
        this.active = owner;
    }

    /** The loop running on (or bound to) the calling thread, or null. */
    static EventLoop currentLoop() {
        return CURRENT.get();
    }

    /** The task whose body runs on the calling thread right now, or null. */
    static Task<?> currentTask() {
        EventLoop loop = CURRENT.get();
        if (loop == null || loop.threads.active != Thread.currentThread()) {
            return null;
        }
        return loop.threads.running;
    }

    // ---------------------------------------------------------------- confinement

    /** Whether the calling thread may call into the loop right now (the test {@link #check()} makes). */
    boolean isLoopThread() {
        return Thread.currentThread() == active;
    }

    /** Refuses a call from any thread but the one allowed now, and keeps the refusal for the loop to report. */
    void check() {
        Thread t = Thread.currentThread();
        if (t != active) {
            WrongThreadException e = new WrongThreadException("Event loop '" + loop.name() + "' was called from "
                    + "thread '" + t.getName() + "', but it belongs to thread '" + owner.getName() + "'. A loop is "
                    + "confined to one thread; from other threads use callSoonThreadsafe(...) only.");
            refused.add(e); // the caller may swallow it (the JDK's delay thread does): the loop reports it
            throw e;
        }
    }

    /** The next refused call not yet reported, or null; on the loop's thread. */
    WrongThreadException pollRefused() {
        return refused.poll();
    }

    /** Whether another loop is running on (or bound to) the calling thread: its name, or null. */
    String otherLoopRunning() {
        EventLoop other = CURRENT.get();
        return other == null || other == loop ? null : other.name();
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs {@code iterations} as the running loop, with the calling thread bound to it. With the baton strand and a
     * platform caller they run on a virtual "driver" thread standing in for the caller, which waits: a hand-off
     * between two virtual threads costs about a microsecond, one that wakes a platform thread tens of microseconds.
     * Callbacks then run on the driver, so they do not see the caller's thread-locals.
     */
    void runAsLoop(Runnable iterations) {
        Thread caller = Thread.currentThread();
        if (backend != StrandBackend.BATON || caller.isVirtual()) {
            bound(iterations);
            return;
        }
        Throwable[] failure = new Throwable[1];
        Thread driver = Thread.ofVirtual().name("simloop-" + loop.name() + "-driver").unstarted(() -> {
            try {
                bound(iterations);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        active = driver;
        try {
            driver.start();
            joinUninterruptibly(driver);
        } finally {
            active = caller;
        }
        if (failure[0] != null) {
            throw Sneaky.rethrow(failure[0]);
        }
    }

    /** Runs {@code code} with the calling thread bound to the loop (the loop's close unwinds coroutines so). */
    void bound(Runnable code) {
        CURRENT.set(loop);
        try {
            code.run();
        } finally {
            CURRENT.remove();
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the strand switch

    /** A new strand for {@code task}'s body, of the loop's backend. */
    Strand newStrand(Runnable body, Task<?> task) {
        return backend == StrandBackend.CONTINUATION ? Strands.continuation(body)
                : Strands.baton(body, "simloop-" + loop.name() + "-" + task.name());
    }

    /**
     * The strand switch: resumes {@code task}'s strand and lets its thread call into the loop until the body
     * suspends or ends; then the loop's thread has it back.
     */
    void resume(Task<?> task, Strand strand) {
        Task<?> previousTask = running;
        Thread previousThread = active;
        running = task;
        active = strand.bodyThread(owner);
        try {
            strand.resume();
        } finally {
            active = previousThread;
            running = previousTask;
        }
    }

    /** Called first thing in a body's own thread: a baton strand's virtual thread learns its loop. */
    void enterBodyThread() {
        if (CURRENT.get() != loop) {
            CURRENT.set(loop);
        }
    }

    // ---------------------------------------------------------------- state

    /** The task whose body runs right now, or null; also read by the watchdog's thread for its message. */
    Task<?> runningTask() {
        return running;
    }

    /** The thread allowed to call in right now; read by the watchdog's thread for the stack of a blocked step. */
    Thread activeThread() {
        return active;
    }
}

package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * What went wrong in a loop without failing the running call, and the messages of the failures that do end it. It
 * owns the problem handler, the coroutines created while the loop ran (to report those never awaited) and the
 * futures whose exception nobody retrieved; {@link EventLoop} reports a failing callback through it, and at
 * {@linkplain EventLoop#close() close} the pending tasks, never-awaited coroutines and unretrieved exceptions.
 * {@link Coroutine} and {@link FutureBase} feed it through the loop's hooks. Loop thread only.
 */
final class LoopProblems {

    /** The builder's {@code onProblem}, or the log: what {@link #reportToDefault} calls. */
    private final Consumer<LoopProblem> defaultHandler;
    /** The handler set at run time ({@code setExceptionHandler}), or null: problems then go to the default. */
    private Consumer<LoopProblem> handler;
    /**
     * Coroutines created while this loop ran, in creation order; those started since are dropped in bulk when they
     * outnumber the rest (amortised O(1) per coroutine, cheaper than a hash set on the task-creation path).
     */
    private final ArrayList<Coroutine<?>> createdCoroutines = new ArrayList<>();
    /** How many of {@link #createdCoroutines} have not started. */
    private int unstartedCoroutines;
    /** Futures and tasks whose exception nobody has retrieved yet, in the order they failed. */
    private final LinkedHashSet<FutureBase<?>> unretrieved = new LinkedHashSet<>();

    /** @param handler the builder's handler, may be null for the default (a warning in the log) */
    LoopProblems(Consumer<LoopProblem> handler) {
        this.defaultHandler = handler == null ? LoopProblems::log : handler;
    }

    void report(LoopProblem.Kind kind, String message, Throwable cause) {
        report(new LoopProblem(kind, message, cause));
    }

    /**
     * asyncio's {@code call_exception_handler}: the handler set at run time gets the problem, or the default if none
     * is set. A handler that throws hands its exception, with the problem's message, to the default handler.
     */
    void report(LoopProblem problem) {
        Consumer<LoopProblem> h = handler;
        if (h == null) {
            defaultHandler.accept(problem);
            return;
        }
        try {
            h.accept(problem);
        } catch (RuntimeException | Error e) {
            reportToDefault(new LoopProblem(problem.kind(), "The exception handler threw " + e + " while handling: "
                    + problem.message(), e));
        }
    }

    /** asyncio's {@code default_exception_handler}: the builder's {@code onProblem}, or a warning in the log. */
    void reportToDefault(LoopProblem problem) {
        defaultHandler.accept(problem);
    }

    Consumer<LoopProblem> handler() {
        return handler;
    }

    void handler(Consumer<LoopProblem> handler) {
        this.handler = handler;
    }

    private static void log(LoopProblem p) {
        System.getLogger("dev.simloop").log(System.Logger.Level.WARNING, p.message(), p.cause());
    }

    void coroutineCreated(Coroutine<?> c) {
        int size = createdCoroutines.size();
        if (size >= 1024 && size >= 2 * unstartedCoroutines) {
            createdCoroutines.removeIf(Coroutine::isStarted);
        }
        createdCoroutines.add(c);
        unstartedCoroutines++;
    }

    void coroutineStarted(Coroutine<?> c) {
        unstartedCoroutines--;
    }

    void exceptionSet(FutureBase<?> f) {
        unretrieved.add(f);
    }

    void exceptionRetrieved(FutureBase<?> f) {
        unretrieved.remove(f);
    }

    /**
     * Reports, in this order, the tasks still pending other than background ones, the coroutines never started and
     * the exceptions nobody retrieved: the loop named {@code loopName} is closing.
     */
    void reportAtClose(String loopName, LiveTasks live) {
        for (Task<?> t = live.head; t != null; t = t.nextLive) {
            if (!t.isBackground()) {
                report(LoopProblem.pendingTask(t, "event loop '" + loopName + "' closed", "the loop closes"));
            }
        }
        for (Coroutine<?> c : createdCoroutines) {
            if (c.isStarted()) {
                continue;
            }
            report(LoopProblem.Kind.NEVER_AWAITED, "The " + c.describe().replace("an unnamed", "unnamed")
                    + " was never awaited: creating a coroutine runs nothing. Await it, or wrap it in a task.", null);
        }
        for (FutureBase<?> f : unretrieved) {
            Throwable e = f.peekException();
            report(LoopProblem.Kind.UNRETRIEVED_EXCEPTION, capitalized(f.describe()) + " failed with " + e
                    + " and nobody retrieved the exception: await it, or call result() or exception().", e);
        }
    }

    /** Forgets the coroutines and failed futures (the loop closed). */
    void clear() {
        createdCoroutines.clear();
        unretrieved.clear();
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A virtual-time deadlock: {@code what} (e.g. "task 'main' can never finish") as nothing is left to run at
     * virtual time {@code now} after {@code steps} steps, with {@code pending} the live tasks' lines.
     */
    static DeadlockException deadlock(String what, long now, long steps, List<String> pending) {
        StringBuilder msg = new StringBuilder()
                .append("Deadlock: ").append(what).append(": nothing is ready to run")
                .append(" and no timer is pending (virtual time ").append(VirtualTimes.format(now))
                .append(", step ").append(steps).append(").");
        LiveTasks.appendLines(msg, pending, " No task is pending: nothing will ever complete it.",
                " Pending tasks, in creation order:");
        msg.append("\nLook for a future that nobody resolves, an event nobody sets, or tasks that await each other.");
        return new DeadlockException(msg.toString(), pending);
    }
}

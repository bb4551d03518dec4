package dev.simloop.junit;

import dev.simloop.EventLoop;
import dev.simloop.LoopProblem;
import dev.simloop.TraceLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * One test method's loop and what it reported; closed by JUnit with the method's store.
 *
 * <p>Failures are collected, not lost: the test body's own failure comes first, the hygiene failures are attached
 * to it as suppressed exceptions.
 */
final class SimRun implements AutoCloseable {

    /** A test body that may throw anything. */
    interface Body {
        void run() throws Throwable;
    }

    private final String test;
    private final List<LoopProblem> problems = new ArrayList<>();
    private final EventLoop loop;
    private boolean checked;

    SimRun(String test) {
        this.test = test;
        this.loop = EventLoop.builder().name(test).trace(TraceLevel.DEFAULT).onProblem(problems::add).build();
    }

    EventLoop loop() {
        return loop;
    }

    void runDrivenByTest(Body body) throws Throwable {
        Throwable failure = null;
        try {
            body.run();
        } catch (Throwable t) {
            failure = t;
        }
        finish(failure);
    }

    /** Closes the loop and throws the body's failure, or the problems the loop reported. */
    private void finish(Throwable failure) throws Throwable {
        close();
        AssertionError hygiene = null;
        if (!problems.isEmpty()) {
            StringBuilder msg = new StringBuilder("simloop found ").append(problems.size())
                    .append(problems.size() == 1 ? " problem" : " problems").append(" in ").append(test).append(':');
            for (LoopProblem p : problems) {
                msg.append("\n  - ").append(p.kind()).append(": ").append(p.message());
            }
            hygiene = new AssertionError(msg.toString());
            for (LoopProblem p : problems) {
                if (p.cause() != null) {
                    hygiene.addSuppressed(p.cause());
                }
            }
        }
        if (failure != null) {
            if (hygiene != null) {
                failure.addSuppressed(hygiene);
            }
            throw failure;
        }
        if (hygiene != null) {
            throw hygiene;
        }
    }

    @Override
    public void close() {
        if (!checked) {
            checked = true;
            loop.close();
        }
    }
}

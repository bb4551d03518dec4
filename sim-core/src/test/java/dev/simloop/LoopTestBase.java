package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.internal.VirtualTimes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** A fresh loop per test, a log of events, and a check that the test left no task, coroutine or exception behind. */
abstract class LoopTestBase {

    final List<String> log = new ArrayList<>();
    final List<LoopProblem> problems = new ArrayList<>();
    final EventLoop loop = EventLoop.builder().onProblem(problems::add).build();

    @AfterEach
    void closeLoopAndCheckNothingLeaked() {
        loop.close();
        assertThat(problems).extracting(LoopProblem::message).isEmpty();
    }

    /** Runs {@code body} as the task "main" until it completes; returns its result. */
    <T> T run(Coroutine.Body<T> body) {
        return loop.runUntilComplete(loop.createTask("main", Coroutine.of(body)));
    }

    /** Runs {@code body} as the task "main" until it completes. */
    void runVoid(Coroutine.VoidBody body) {
        loop.runUntilComplete(loop.createTask("main", Coroutine.ofVoid(body)));
    }

    /** Creates a task named {@code name} from inside a running coroutine. */
    static Task<Void> spawn(String name, Coroutine.VoidBody body) {
        return Sim.createTask(name, Coroutine.ofVoid(body));
    }

    /** Awaits {@code t} and describes how it ended: "result X", "cancelled: msg" or "failed: exception". */
    static String outcomeOf(Task<?> t) {
        try {
            return "result " + Sim.await(t);
        } catch (CancelledException e) {
            return "cancelled: " + e.getMessage();
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    /** The loop's virtual time, formatted: "0 s", "1.5 s". */
    String now() {
        return VirtualTimes.format(loop.time());
    }

    /** Logs {@code entry} with the current virtual time: "b got it at 1 s". */
    void logAt(String entry) {
        log.add(entry + " at " + now());
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.gather;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Eager tasks and the task factory, as asyncio 3.12+'s eager_start and eager_task_factory. */
class EagerTaskTest {

    private final List<String> log = new ArrayList<>();

    private Coroutine<String> child(String name) {
        return Coroutine.of(name, () -> {
            log.add(name + " starts");
            yieldNow();
            log.add(name + " resumes");
            return name;
        });
    }

    @Test
    void anEagerTaskRunsToItsFirstSuspensionInsideCreateTask() {
        try (EventLoop loop = EventLoop.create()) {
            loop.runUntilComplete(Coroutine.ofVoid(() -> {
                Task<String> lazy = loop.createTask("lazy", child("lazy"), false);
                Task<String> eager = loop.createTask("eager", child("eager"), true);
                log.add("parent goes on, current task " + Sim.currentTask().name());
                log.add("results " + await(gather(lazy, eager)));
            }));
        }
        assertThat(log).containsExactly("eager starts", "parent goes on, current task Task-1", "lazy starts",
                "eager resumes", "lazy resumes", "results [lazy, eager]");
    }

    @Test
    void anEagerTaskThatNeverSuspendsIsDoneAtCreationAndTakesNoStep() {
        try (EventLoop loop = EventLoop.builder().trace(TraceLevel.DEFAULT).build()) {
            loop.runUntilComplete(Coroutine.ofVoid(() -> {
                long before = loop.stepCount();
                Task<String> t = loop.createTask("quick", Coroutine.of(() -> {
                    log.add("quick runs as " + Sim.currentTask().name());
                    return "done";
                }), true);
                log.add("done " + t.isDone() + ", result " + t.result() + ", steps taken " + (loop.stepCount() - before));
            }));
            List<String> events = loop.trace().events().stream()
                    .map(e -> "step " + e.step() + " " + e.taskName() + " " + e.kind()).toList();
            assertThat(events).containsExactly("step 0 Task-1 CREATED", "step 1 Task-1 STARTED", "step 1 quick CREATED",
                    "step 1 quick STARTED", "step 1 quick FINISHED_RESULT", "step 1 Task-1 FINISHED_RESULT");
            assertThat(loop.stepCount()).isEqualTo(2); // the main task's step and runUntilComplete's done-callback
        }
        assertThat(log).containsExactly("quick runs as quick", "done true, result done, steps taken 0");
    }

    @Test
    void theEagerFactoryStartsTheChildrenOfAGatherAtOnce() {
        try (EventLoop loop = EventLoop.create()) {
            loop.setTaskFactory(TaskFactory.EAGER);
            assertThat(loop.getTaskFactory()).isSameAs(TaskFactory.EAGER);
            loop.runUntilComplete(Coroutine.ofVoid(() -> {
                SimFuture<List<String>> g = gather(child("a"), child("b"));
                log.add("gather made");
                log.add("results " + await(g));
            }));
        }
        assertThat(log).containsExactly("a starts", "b starts", "gather made", "a resumes", "b resumes",
                "results [a, b]");
    }

    @Test
    void eagerTasksNestAndFailEagerlyFromTasksAndCallbacks() {
        try (EventLoop loop = EventLoop.create()) {
            loop.callSoon(() -> {
                log.add("a plain callback creates them");
                Task<String> outer = loop.createTask("outer", Coroutine.of(() -> {
                    log.add("outer starts as " + Sim.currentTask().name());
                    Task<String> inner = loop.createTask("inner", child("inner"), true);
                    log.add("outer goes on as " + Sim.currentTask().name() + ", inner done " + inner.isDone());
                    return await(inner);
                }), true);
                Task<Void> failing = loop.createTask("failing", Coroutine.ofVoid(() -> {
                    throw new IllegalStateException("at once");
                }), true);
                log.add("failing done " + failing.isDone() + " with " + failing.exception().getMessage()
                        + ", outer done " + outer.isDone());
                outer.addDoneCallback(t -> log.add("outer gave " + t.result()));
            });
            loop.runUntilIdle();
        }
        assertThat(log).containsExactly("a plain callback creates them", "outer starts as outer", "inner starts",
                "outer goes on as outer, inner done false", "failing done true with at once, outer done false",
                "inner resumes", "outer gave inner");
    }

    @Test
    void anEagerTaskOnALoopThatIsNotRunningIsScheduledAsUsual() {
        try (EventLoop loop = EventLoop.create()) {
            Task<String> t = loop.createTask("eager", child("eager"), true);
            log.add("created, done " + t.isDone());
            loop.runUntilComplete(t);
        }
        assertThat(log).containsExactly("created, done false", "eager starts", "eager resumes");
    }

    @Test
    void aCustomFactoryMakesEveryTaskAndAFactoryThatReturnsNullIsAnError() {
        try (EventLoop loop = EventLoop.builder().name("factory").build()) {
            loop.setTaskFactory(new TaskFactory() {
                @Override
                public <T> Task<T> create(EventLoop l, String name, Coroutine<T> coroutine, boolean eagerStart) {
                    log.add("factory makes " + name + ", eager " + eagerStart);
                    return Task.create(l, "made-" + name, coroutine, eagerStart);
                }
            });
            Task<String> t = loop.createTask("x", child("x"));
            log.add(t.name());
            loop.runUntilComplete(t);
            loop.setTaskFactory(new TaskFactory() {
                @Override
                public <T> Task<T> create(EventLoop l, String name, Coroutine<T> coroutine, boolean eagerStart) {
                    return null;
                }
            });
            assertThatThrownBy(() -> loop.createTask("y", Coroutine.of("y", () -> 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The task factory of event loop 'factory' returned null for coroutine 'y': a factory "
                            + "must return a task of the loop it is given, made with Task.create(loop, name, "
                            + "coroutine, eagerStart).");
            loop.setTaskFactory(null);
            assertThat(loop.getTaskFactory()).isNull();
        }
        assertThat(log).containsExactly("factory makes x, eager false", "made-x", "x starts", "x resumes");
    }
}

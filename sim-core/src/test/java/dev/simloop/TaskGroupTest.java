package dev.simloop;

import static dev.simloop.Sim.currentTask;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TaskGroup as in CPython 3.13's taskgroups.py and test_taskgroups.py. */
class TaskGroupTest extends CombinatorTestBase {

    /** Runs a group and logs how it ended, with the failures of a TaskGroupException in order. */
    private void runGroup(TaskGroup.VoidBody body) {
        try {
            TaskGroup.run(body);
            logAt("group ended normally");
        } catch (TaskGroupException e) {
            logAt("group failed with " + e.exceptions().stream().map(Throwable::getMessage).toList());
        }
    }

    /** A group body step that sleeps and logs whether the group's cancel reached it. */
    private void bodySleeps(int seconds) {
        try {
            sleep(Duration.ofSeconds(seconds));
            logAt("body slept");
        } catch (CancelledException e) {
            logAt("body cancelled");
            throw e;
        }
    }

    @Test
    void leavingTheGroupWaitsForEveryChildAndGivesTheBodysResult() {
        String r = run(() -> TaskGroup.call(g -> {
            g.createTask(sleeper(2, "a"));
            g.createTask(sleeper(1, "b"));
            logAt("body done");
            return "body result";
        }));
        assertThat(r).isEqualTo("body result");
        assertThat(log).containsExactly("body done at 0 s", "b done at 1 s", "a done at 2 s");
    }

    @Test
    void theFirstChildFailureCancelsTheSiblingsAndTheBody() {
        runVoid(() -> runGroup(g -> {
            g.createTask(failer(1, "a"));
            g.createTask(sleeper(5, "b"));
            bodySleeps(5);
        }));
        assertThat(log).containsExactly("a fails at 1 s", "b cancelled at 1 s", "body cancelled at 1 s",
                "group failed with [a failed] at 1 s");
    }

    @Test
    void failuresArriveInOrderAndTheBodysOwnComesLast() {
        runVoid(() -> runGroup(g -> {
            g.createTask(failer(1, "a"));
            g.createTask(failer(1, "b"));
            try {
                sleep(Duration.ofSeconds(5));
            } catch (CancelledException e) {
                throw new IllegalStateException("body failed while cancelled");
            }
        }));
        assertThat(log).containsExactly("a fails at 1 s", "b fails at 1 s",
                "group failed with [a failed, b failed, body failed while cancelled] at 1 s");
    }

    @Test
    void aBodyFailureCancelsTheChildrenAndIsReportedInTheGroup() {
        runVoid(() -> runGroup(g -> {
            g.createTask(sleeper(5, "a"));
            yieldNow();
            throw new IllegalStateException("body failed");
        }));
        assertThat(log).containsExactly("a cancelled at 0 s", "group failed with [body failed] at 0 s");
    }

    @Test
    void aCancelledChildIsNotAFailure() {
        runVoid(() -> runGroup(g -> {
            Task<String> a = g.createTask(sleeper(5, "a"));
            g.createTask(sleeper(1, "b"));
            yieldNow();
            a.cancel();
        }));
        assertThat(log).containsExactly("a cancelled at 0 s", "b done at 1 s", "group ended normally at 1 s");
    }

    @Test
    void afterTheGroupFailedTheParentIsNoLongerCancelling() {
        runVoid(() -> {
            runGroup(g -> {
                g.createTask(failer(1, "a"));
                bodySleeps(5);
            });
            log.add("cancelling " + currentTask().cancelling());
            sleep(Duration.ofSeconds(1));
            logAt("main slept on");
        });
        assertThat(log).containsExactly("a fails at 1 s", "body cancelled at 1 s", "group failed with [a failed] at 1 s",
                "cancelling 0", "main slept on at 2 s");
    }

    @Test
    void aCancelFromOutsideCancelsTheChildrenAndLeavesAsACancellation() {
        runVoid(() -> {
            Task<Void> worker = spawn("worker", () -> runGroup(g -> {
                g.createTask(sleeper(5, "a"));
                bodySleeps(5);
            }));
            sleep(Duration.ofSeconds(1));
            worker.cancel("shutdown");
            logAt("worker: " + outcomeOf(worker));
        });
        assertThat(log).containsExactly("body cancelled at 1 s", "a cancelled at 1 s",
                "worker: cancelled: shutdown at 1 s");
    }

    @Test
    void aTaskCreatedWhileTheGroupShutsDownIsAnError() {
        runVoid(() -> runGroup(g -> {
            g.createTask(failer(1, "a"));
            try {
                sleep(Duration.ofSeconds(5));
            } catch (CancelledException e) {
                try {
                    g.createTask(sleeper(1, "late"));
                } catch (IllegalStateException refused) {
                    log.add(refused.getMessage());
                }
                throw e;
            }
        }));
        assertThat(log).containsExactly("a fails at 1 s",
                "TaskGroup is shutting down: a task failed or the group was cancelled, so it takes no new tasks. "
                        + "Handle the TaskGroupException and start a new group.",
                "group failed with [a failed] at 1 s");
    }

    @Test
    void aTaskCreatedInAFinishedGroupIsAnError() {
        runVoid(() -> {
            TaskGroup[] leaked = new TaskGroup[1];
            TaskGroup.run(g -> leaked[0] = g);
            Coroutine<String> late = sleeper(1, "late");
            try {
                leaked[0].createTask(late);
            } catch (IllegalStateException refused) {
                log.add(refused.getMessage());
            }
            log.add("refused coroutine closed: " + late.isStarted());
        });
        assertThat(log).containsExactly("TaskGroup is finished: createTask was called after the group's scope ended. "
                + "Create tasks inside TaskGroup.run(...), or in a new group.", "refused coroutine closed: true");
    }

    @Test
    void aChildCanBeAddedWhileTheGroupWaitsForTheOthers() {
        runVoid(() -> runGroup(g -> g.createTask(Coroutine.of("a", () -> {
            sleep(Duration.ofSeconds(1));
            g.createTask(sleeper(1, "b"));
            logAt("a done");
            return null;
        }))));
        assertThat(log).containsExactly("a done at 1 s", "b done at 2 s", "group ended normally at 2 s");
    }

    @Test
    void theExceptionListsEveryFailureInItsMessage() {
        runVoid(() -> {
            try {
                TaskGroup.run(g -> g.createTask(failer(1, "a")));
            } catch (TaskGroupException e) {
                log.add(e.getMessage());
                log.add("suppressed " + e.getSuppressed().length);
            }
        });
        assertThat(log).containsExactly("a fails at 1 s", "unhandled errors in a TaskGroup (1 sub-exception)\n"
                + "  java.lang.IllegalStateException: a failed\n"
                + "Each failure is in exceptions(), in the order it arrived; catch the one you expect there.",
                "suppressed 1");
    }

    @Test
    void anOuterChildFailureCancelsAnInnerGroupWhichLeavesQuietly() {
        // CPython's test_taskgroup_13: the inner group is cancelled from outside (by the outer group), so it leaves
        // with a cancellation; the outer group swallows its own cancel and reports only its child's failure.
        runVoid(() -> runGroup(outer -> {
            outer.createTask(failer(1, "outer child"));
            TaskGroup.run(inner -> inner.createTask(sleeper(10, "inner child")));
        }));
        assertThat(log).containsExactly("outer child fails at 1 s", "inner child cancelled at 1 s",
                "group failed with [outer child failed] at 1 s");
    }

    @Test
    void anInnerGroupFailureArrivesInTheOuterGroupAsOneFailure() {
        // CPython's test_taskgroup_14: the outer group's exception holds the inner group's exception.
        runVoid(() -> {
            try {
                TaskGroup.run(outer -> {
                    outer.createTask(sleeper(10, "outer child"));
                    TaskGroup.run(inner -> inner.createTask(failer(1, "inner child")));
                });
            } catch (TaskGroupException e) {
                Throwable only = e.exceptions().get(0);
                logAt("outer failed with " + e.exceptions().size() + " failure, a "
                        + only.getClass().getSimpleName() + " of "
                        + ((TaskGroupException) only).exceptions().stream().map(Throwable::getMessage).toList());
            }
        });
        assertThat(log).containsExactly("inner child fails at 1 s", "outer child cancelled at 1 s",
                "outer failed with 1 failure, a TaskGroupException of [inner child failed] at 1 s");
    }

    @Test
    void aBodyThatFailsWhenCancelledFromOutsideIsReportedInTheGroup() {
        // CPython's test_taskgroup_18.
        runVoid(() -> {
            Task<Void> worker = spawn("worker", () -> runGroup(g -> {
                try {
                    sleep(Duration.ofSeconds(10));
                } catch (CancelledException e) {
                    throw new IllegalStateException("body failed on cancel");
                }
            }));
            sleep(Duration.ofSeconds(1));
            worker.cancel();
            log.add("worker: " + outcomeOf(worker));
        });
        // The outside cancel stays pending after the group (asyncio uncancels and re-cancels the parent there): the
        // worker, which caught the group's exception, still ends cancelled.
        assertThat(log).containsExactly("group failed with [body failed on cancel] at 1 s",
                "worker: cancelled: cancelled");
    }
}

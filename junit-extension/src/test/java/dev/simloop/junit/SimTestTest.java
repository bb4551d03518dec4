package dev.simloop.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.simloop.DeadlockException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class SimTestTest {

    private static Events run(Class<?> fixture, String method) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(fixture, java.util.Arrays.stream(fixture.getDeclaredMethods())
                        .filter(m -> m.getName().equals(method)).findFirst().orElseThrow()))
                .execute()
                .testEvents();
    }

    @Test
    void bodyRunsAsTheMainCoroutineOnVirtualTime() {
        run(SimTestFixturesTestCase.class, "sleepsAnHourInVirtualTime")
                .assertThatEvents().haveExactly(1, event(test("sleepsAnHourInVirtualTime"), finishedSuccessfully()));
    }

    @Test
    void anAssertionFailureInTheBodyFailsTheTestUnchanged() {
        run(SimTestFixturesTestCase.class, "failsAnAssertionAfterAwaiting").assertThatEvents().haveExactly(1,
                event(test("failsAnAssertionAfterAwaiting"), finishedWithFailure(instanceOf(AssertionError.class),
                        message(m -> m.startsWith("[the answer] \nexpected: 42\n but was: 41")))));
    }

    @Test
    void aTaskLeftPendingFailsTheTestWithItsName() {
        run(SimTestFixturesTestCase.class, "leavesATaskPending").assertThatEvents().haveExactly(1,
                event(test("leavesATaskPending"), finishedWithFailure(instanceOf(AssertionError.class), message(
                        "simloop found 1 problem in leavesATaskPending:\n  - PENDING_TASK: Task 'forgotten-worker' was "
                                + "still pending when event loop 'leavesATaskPending' closed, waiting on sleep until "
                                + "86400 s. Await it or cancel it before the loop closes, or make it a background "
                                + "task."))));
    }

    @Test
    void aTaskExceptionNobodyRetrievedFailsTheTestWithItsName() {
        run(SimTestFixturesTestCase.class, "dropsATaskException").assertThatEvents().haveExactly(1,
                event(test("dropsATaskException"), finishedWithFailure(instanceOf(AssertionError.class), message(
                        "simloop found 1 problem in dropsATaskException:\n  - UNRETRIEVED_EXCEPTION: Task "
                                + "'fire-and-forget' failed with java.lang.IllegalStateException: lost failure and "
                                + "nobody retrieved the exception: await it, or call result() or exception()."))));
    }

    @Test
    void aDeadlockFailsTheTestNamingThePendingTasks() {
        run(SimTestFixturesTestCase.class, "deadlocks").assertThatEvents().haveExactly(1,
                event(test("deadlocks"), finishedWithFailure(instanceOf(DeadlockException.class), message(m -> m
                        .contains("  - 'deadlocks' waiting on task 'waiter'\n  - 'waiter' waiting on future "
                                + "'never-resolved'")))));
    }

    @Test
    void aBackgroundTaskLeftRunningIsFine() {
        run(SimTestFixturesTestCase.class, "keepsABackgroundTask")
                .assertThatEvents().haveExactly(1, event(test("keepsABackgroundTask"), finishedSuccessfully()));
    }

    @Test
    void anOrdinaryTestDrivesTheInjectedLoopItself() {
        run(ExplicitLoopTestCase.class, "drivesTheLoopItself")
                .assertThatEvents().haveExactly(1, event(test("drivesTheLoopItself"), finishedSuccessfully()));
    }

    @Test
    void anOrdinaryTestIsCheckedForPendingTasksToo() {
        Events events = run(ExplicitLoopTestCase.class, "leavesItsTaskPending");
        events.assertThatEvents().haveExactly(1, event(test("leavesItsTaskPending"), finishedWithFailure(
                message(m -> m.contains("PENDING_TASK: Task 'unfinished' was still pending")))));
        assertThat(events.failed().count()).isEqualTo(1);
    }
}

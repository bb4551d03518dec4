package dev.simloop.junit;

import static dev.simloop.junit.Fixtures.failure;
import static dev.simloop.junit.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.simloop.DeadlockException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/** The body runs as the main coroutine; failures and hygiene problems fail the test with the names involved. */
class SimTestTest {

    private static final String FIFO_SEED = "0xe220a8397b1dcdaf";

    @Test
    void bodyRunsAsTheMainCoroutineOnVirtualTime() {
        run(SimTestFixturesTestCase.class, "sleepsAnHourInVirtualTime").assertThatEvents()
                .haveExactly(1, event(test("sleepsAnHourInVirtualTime"), finishedSuccessfully()));
    }

    @Test
    void anAssertionFailureInTheBodyIsTheCauseAndTheMessageNamesTheRun() {
        Throwable t = failure(run(SimTestFixturesTestCase.class, "failsAnAssertionAfterAwaiting"));
        assertThat(t.getCause()).hasMessageStartingWith("[the answer] \nexpected: 42\n but was: 41");
        assertThat(t.getMessage()).startsWith("""
                SimTestFixturesTestCase#failsAnAssertionAfterAwaiting failed on run 1 of 1: seed 0xe220a8397b1dcdaf, \
                policy FIFO, ended at virtual time 1 s after 6 steps, trace fingerprint 0x""").contains("""
                .
                Replay: @SimTest(seed = "0xe220a8397b1dcdaf", policy = "FIFO")  or  \
                -Dtest=SimTestFixturesTestCase#failsAnAssertionAfterAwaiting -Dsimloop.seed=0xe220a8397b1dcdaf \
                -Dsimloop.policy=FIFO
                Failure: org.opentest4j.AssertionFailedError: [the answer]\s
                expected: 42
                 but was: 41
                Interleaving, per task:
                | step | time | failsAnAssertionAfterAwaiting            | answer                 |
                """).endsWith("""
                Full trace: target/simloop/traces/dev.simloop.junit.SimTestFixturesTestCase\
                #failsAnAssertionAfterAwaiting-0xe220a8397b1dcdaf.txt (Chrome JSON: target/simloop/traces/\
                dev.simloop.junit.SimTestFixturesTestCase#failsAnAssertionAfterAwaiting-0xe220a8397b1dcdaf.json; \
                timeline: target/simloop/traces/dev.simloop.junit.SimTestFixturesTestCase\
                #failsAnAssertionAfterAwaiting-0xe220a8397b1dcdaf.html)""");
    }

    @Test
    void aTaskLeftPendingFailsTheTestWithItsName() {
        Throwable t = failure(run(SimTestFixturesTestCase.class, "leavesATaskPending"));
        assertThat(t).hasMessageContaining("seed " + FIFO_SEED);
        assertThat(t.getCause()).isInstanceOf(AssertionError.class).hasMessage("""
                simloop found 1 problem in leavesATaskPending:
                  - PENDING_TASK: Task 'forgotten-worker' was still pending when the test body returned, waiting on \
                its first step (scheduled). Await it or cancel it before the body returns, or make it a background \
                task.""");
    }

    @Test
    void aTaskExceptionNobodyRetrievedFailsTheTestWithItsName() {
        Throwable t = failure(run(SimTestFixturesTestCase.class, "dropsATaskException"));
        assertThat(t.getCause()).isInstanceOf(AssertionError.class).hasMessage("""
                simloop found 1 problem in dropsATaskException:
                  - UNRETRIEVED_EXCEPTION: Task 'fire-and-forget' failed with java.lang.IllegalStateException: lost \
                failure and nobody retrieved the exception: await it, or call result() or exception().""");
        assertThat(t.getCause().getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCoroutineNeverAwaitedFailsTheTestWithItsName() {
        Throwable t = failure(run(SimTestFixturesTestCase.class, "neverAwaitsACoroutine"));
        assertThat(t.getCause()).hasMessage("""
                simloop found 1 problem in neverAwaitsACoroutine:
                  - NEVER_AWAITED: The coroutine 'lonely' was never awaited: creating a coroutine runs nothing. Await \
                it, or wrap it in a task.""");
    }

    @Test
    void aDeadlockFailsTheTestNamingThePendingTasks() {
        Throwable t = failure(run(SimTestFixturesTestCase.class, "deadlocks"));
        assertThat(t.getCause()).isInstanceOf(DeadlockException.class).hasMessageContaining(
                "\n  - 'deadlocks' waiting on task 'waiter'\n  - 'waiter' waiting on future 'never-resolved'");
    }

    @Test
    void aBackgroundTaskLeftRunningIsFine() {
        run(SimTestFixturesTestCase.class, "keepsABackgroundTask").assertThatEvents()
                .haveExactly(1, event(test("keepsABackgroundTask"), finishedSuccessfully()));
    }

    @Test
    void anOrdinaryTestDrivesTheInjectedLoopItself() {
        run(ExplicitLoopTestCase.class, "drivesTheLoopItself").assertThatEvents()
                .haveExactly(1, event(test("drivesTheLoopItself"), finishedSuccessfully()));
    }

    @Test
    void anOrdinaryTestIsCheckedForPendingTasksToo() {
        Events events = run(ExplicitLoopTestCase.class, "leavesItsTaskPending");
        assertThat(failure(events)).hasMessage("""
                simloop found 1 problem in leavesItsTaskPending:
                  - PENDING_TASK: Task 'unfinished' was still pending when event loop 'leavesItsTaskPending' closed, \
                waiting on sleep until 86400 s. Await it or cancel it before the loop closes, or make it a background \
                task.""");
    }
}

package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** wait as in CPython 3.13's tasks.py; called as Sim.wait because Object.wait hides a static import. */
class WaitTest extends CombinatorTestBase {

    private String describe(DoneAndPending<Task<String>> r) {
        return "done " + r.done().stream().map(Task::name).toList() + ", pending "
                + r.pending().stream().map(Task::name).toList();
    }

    @Test
    void firstCompletedReturnsWhenOneIsDone() {
        runVoid(() -> {
            List<Task<String>> tasks = List.of(after(3, "a"), after(1, "b"), after(2, "c"));
            logAt(describe(Sim.wait(tasks, ReturnWhen.FIRST_COMPLETED, null)));
            Sim.await(Sim.gather(tasks));
        });
        assertThat(log).containsExactly("b done at 1 s", "done [b], pending [a, c] at 1 s", "c done at 2 s",
                "a done at 3 s");
    }

    @Test
    void firstExceptionReturnsAtTheFirstFailure() {
        runVoid(() -> {
            List<Task<String>> tasks = List.of(after(1, "a"), failing(2, "b"), after(3, "c"));
            logAt(describe(Sim.wait(tasks, ReturnWhen.FIRST_EXCEPTION, null)));
            tasks.get(2).cancel();
            Sim.await(Sim.gather(true, tasks));
        });
        assertThat(log).containsExactly("a done at 1 s", "b fails at 2 s", "done [a, b], pending [c] at 2 s",
                "c cancelled at 2 s");
    }

    @Test
    void firstExceptionWithoutAFailureWaitsForAll() {
        runVoid(() -> logAt(describe(Sim.wait(List.of(after(2, "a"), after(1, "b")), ReturnWhen.FIRST_EXCEPTION,
                null))));
        assertThat(log).containsExactly("b done at 1 s", "a done at 2 s", "done [a, b], pending [] at 2 s");
    }

    @Test
    void allCompletedWaitsForAll() {
        runVoid(() -> logAt(describe(Sim.wait(List.of(after(2, "a"), after(1, "b")), ReturnWhen.ALL_COMPLETED,
                null))));
        assertThat(log).containsExactly("b done at 1 s", "a done at 2 s", "done [a, b], pending [] at 2 s");
    }

    @Test
    void aTimeoutReturnsWhatIsDoneWithoutThrowingOrCancelling() {
        runVoid(() -> {
            List<Task<String>> tasks = List.of(after(1, "a"), after(5, "b"));
            logAt(describe(Sim.wait(tasks, ReturnWhen.ALL_COMPLETED, Duration.ofSeconds(2))));
            log.add("b cancelled: " + tasks.get(1).isCancelled());
            Sim.await(tasks.get(1));
        });
        assertThat(log).containsExactly("a done at 1 s", "done [a], pending [b] at 2 s", "b cancelled: false",
                "b done at 5 s");
    }

    @Test
    void anEmptyCollectionIsRejected() {
        runVoid(() -> assertThatThrownBy(() -> Sim.wait(List.<Task<String>>of(), ReturnWhen.ALL_COMPLETED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wait() was given an empty collection of tasks and futures: there is nothing to wait "
                        + "for. Check the collection before calling wait."));
    }

    @Test
    void aCoroutineIsRejected() {
        runVoid(() -> {
            Coroutine<String> c = Coroutine.of("job", () -> "x");
            assertThatThrownBy(() -> Sim.wait(List.of(c), ReturnWhen.ALL_COMPLETED, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("wait() was given coroutine 'job': passing coroutines is forbidden, as in asyncio. "
                            + "Wrap each in a task with createTask(...) first.");
            Sim.await(c);
        });
    }
}

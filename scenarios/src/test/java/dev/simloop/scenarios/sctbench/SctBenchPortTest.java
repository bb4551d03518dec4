package dev.simloop.scenarios.sctbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Coroutine;
import dev.simloop.DeadlockException;
import dev.simloop.Policy;
import dev.simloop.RunResult;
import dev.simloop.Simulation;
import dev.simloop.Task;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ported SCTBench program, run once in FIFO order (round robin: with a scheduling point before every shared
 * access, the threads take turns access by access, in creation order), ends as its C logic says it must in that
 * order: it passes, fails its assertion with the stated message, or deadlocks with the stated threads blocked.
 */
class SctBenchPortTest {

    /** How a run ended. */
    enum Outcome { PASSES, FAILS, DEADLOCKS }

    /**
     * Per program: its name, its outcome in FIFO order, and the assertion's message (FAILS) or the threads left
     * blocked besides main (DEADLOCKS, comma-separated).
     */
    static Stream<Arguments> fifoOutcomes() {
        return Stream.of(
                // check_result, created first, takes the mutex first and sees neither flag set.
                Arguments.of("account", Outcome.PASSES, ""),
                // The assertion is wrong for every run that ends: 0 + 1 + 2 + 3 == 6.
                Arguments.of("arithmetic_prog", Outcome.FAILS, "arithmetic_prog: total is 6 = N * (N + 1) / 2"),
                // The I/O counts itself in before the stop counts the initial reference out.
                Arguments.of("bluetooth_driver", Outcome.PASSES, ""),
                // t2 gets m when t1 leaves its first section holding l, then blocks on l; t1 blocks on m.
                Arguments.of("carter01", Outcome.DEADLOCKS, "t1,t2"),
                // The fair mutex alternates sender and receiver, so their iteration counters stay in step.
                Arguments.of("circular_buffer", Outcome.PASSES, ""),
                // Each thread takes its first mutex before either asks for its second.
                Arguments.of("deadlock01", Outcome.DEADLOCKS, "thread1,thread2"),
                // The atomic block spaces the ++phil out; the last philosopher sees N.
                Arguments.of("din_phil2_sat", Outcome.FAILS,
                        "din_phil2_sat: philosopher 1 counted phil == 2: all philosophers ate"),
                Arguments.of("din_phil3_sat", Outcome.FAILS,
                        "din_phil3_sat: philosopher 2 counted phil == 3: all philosophers ate"),
                Arguments.of("din_phil4_sat", Outcome.FAILS,
                        "din_phil4_sat: philosopher 3 counted phil == 4: all philosophers ate"),
                Arguments.of("din_phil5_sat", Outcome.FAILS,
                        "din_phil5_sat: philosopher 4 counted phil == 5: all philosophers ate"),
                Arguments.of("din_phil6_sat", Outcome.FAILS,
                        "din_phil6_sat: philosopher 5 counted phil == 6: all philosophers ate"),
                Arguments.of("din_phil7_sat", Outcome.FAILS,
                        "din_phil7_sat: philosopher 6 counted phil == 7: all philosophers ate"),
                // Thread 26 fails the bounds check in any order.
                Arguments.of("fsbench", Outcome.FAILS, "fsbench: thread 26 uses inode 26, but locki has only 26 locks"),
                // The fair mutex serves thread1, thread2, thread3 in creation order.
                Arguments.of("lazy01", Outcome.FAILS, "lazy01: thread3 found data = 3, expected less than 3"),
                // Whichever thread ends first keeps x.
                Arguments.of("phase01", Outcome.DEADLOCKS, "thread1 #2"),
                // t2 spends iteration 0 before its first turn, then dequeues 0 where stored_elements[1] == 1.
                Arguments.of("queue", Outcome.FAILS,
                        "queue: t2 dequeued 0 in its iteration 1, but stored_elements[1] = 1"),
                // The setters write a, then b, a round each; the checker reads a second time and b a round later.
                Arguments.of("reorder_3", Outcome.PASSES, ""),
                Arguments.of("reorder_4", Outcome.PASSES, ""),
                Arguments.of("reorder_5", Outcome.PASSES, ""),
                Arguments.of("reorder_10", Outcome.PASSES, ""),
                Arguments.of("reorder_20", Outcome.PASSES, ""),
                // The fair mutex alternates push and pop, so no pop finds the stack empty.
                Arguments.of("stack", Outcome.PASSES, ""),
                // Nobody empties the slot: the producer waits for ever, in any order.
                Arguments.of("sync01", Outcome.DEADLOCKS, "thread1"),
                // num starts at 2: after the consumer's two items the producer waits for ever, in any order.
                Arguments.of("sync02", Outcome.DEADLOCKS, "producer"),
                // The atomic blocks run in creation order, which is ring order.
                Arguments.of("token_ring", Outcome.PASSES, ""),
                // The reader queues behind the writers on data1Lock and reads data2Value after it is written.
                Arguments.of("twostage", Outcome.PASSES, ""),
                Arguments.of("twostage_100", Outcome.PASSES, ""),
                // funcA overwrites the first funcB's increment (a lost update) before its check; the others queue.
                Arguments.of("wronglock", Outcome.PASSES, ""),
                Arguments.of("wronglock_3", Outcome.PASSES, ""));
    }

    private static SctProgram program(String name) {
        return SctBench.named(name).orElseThrow(() -> new AssertionError("no program named " + name));
    }

    private static RunResult runFifo(Supplier<Coroutine<?>> body) {
        return Simulation.of(body).policy(Policy.FIFO).run(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fifoOutcomes")
    void aFifoRunEndsAsTheCLogicSays(String name, Outcome outcome, String detail) {
        RunResult r = runFifo(program(name).body());
        switch (outcome) {
            case PASSES -> assertThat(r.failure()).as(r.describe()).isNull();
            case FAILS -> {
                assertThat(r.failure()).as(r.describe()).isExactlyInstanceOf(AssertionError.class)
                        .hasMessage(detail).hasNoSuppressedExceptions();
                assertThat(r.failure().getMessage()).startsWith(name + ": ");
            }
            case DEADLOCKS -> {
                assertThat(r.failure()).as(r.describe()).isInstanceOf(DeadlockException.class)
                        .hasMessageStartingWith("Deadlock: task 'main' can never finish")
                        .hasNoSuppressedExceptions();
                List<String> blocked = ((DeadlockException) r.failure()).pendingTasks().stream()
                        .map(line -> line.substring(1, line.indexOf('\'', 1)))
                        .filter(task -> !task.equals("main"))
                        .toList();
                assertThat(blocked).containsExactly(detail.split(","));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fifoOutcomes")
    void eachRunStartsFromFreshStateAndIsDeterministic(String name, Outcome outcome, String detail) {
        Supplier<Coroutine<?>> body = program(name).body();
        RunResult first = runFifo(body);
        RunResult second = runFifo(body);
        assertThat(second.steps()).isEqualTo(first.steps());
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(String.valueOf(second.failure())).isEqualTo(String.valueOf(first.failure()));
    }

    @Test
    void everyProgramInTheCatalogHasAnExpectedFifoOutcome() {
        Set<String> expected = fifoOutcomes().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(SctBench.programs()).extracting(SctProgram::name).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theCatalogHasAtLeastTwelveProgramsWithUniqueNames() {
        List<String> names = SctBench.programs().stream().map(SctProgram::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates();
        assertThat(names).allMatch(n -> n.matches("[a-z0-9_]+"), "lower-case benchmark names")
                .noneMatch(n -> n.endsWith("_bad"));
        assertThat(SctBench.programs()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
        assertThat(names).startsWith("account", "arithmetic_prog").contains("reorder_3", "reorder_5", "stack",
                "twostage", "twostage_100", "wronglock", "wronglock_3", "token_ring", "circular_buffer",
                "bluetooth_driver", "carter01", "lazy01", "queue", "deadlock01", "phase01");
    }

    @Test
    void theOrderOfTheCatalogIsFixed() {
        assertThat(SctBench.programs()).isSameAs(SctBench.programs());
        assertThat(SctBench.programs().stream().map(SctProgram::name).toList()).containsExactly(
                "account", "arithmetic_prog", "bluetooth_driver", "carter01", "circular_buffer", "deadlock01",
                "din_phil2_sat", "din_phil3_sat", "din_phil4_sat", "din_phil5_sat", "din_phil6_sat", "din_phil7_sat",
                "fsbench", "lazy01", "phase01", "queue", "reorder_3", "reorder_4", "reorder_5", "reorder_10",
                "reorder_20", "stack", "sync01", "sync02", "token_ring", "twostage", "twostage_100", "wronglock",
                "wronglock_3");
    }

    /**
     * As C's {@code abort()}: a thread that fails its assertion while holding a mutex ends the run with its
     * {@link AssertionError}, although another thread is blocked on that mutex and main joins that one first.
     */
    @Test
    void aFailedAssertionEndsTheRunEvenWhileAnotherThreadIsBlocked() {
        RunResult r = runFifo(() -> Coroutine.ofVoid("main", () -> {
            Mutex m = new Mutex("m");
            Threads threads = new Threads();
            Task<Void> holder = threads.create("holder", () -> {
                m.lock();
                throw new AssertionError("holder: fails holding m");
            });
            Task<Void> waiter = threads.create("waiter", () -> {
                m.lock();
                m.unlock();
            });
            threads.join(waiter);
            threads.join(holder);
        }));
        assertThat(r.failure()).isExactlyInstanceOf(AssertionError.class).hasMessage("holder: fails holding m")
                .hasNoSuppressedExceptions();
    }

    @Test
    void aThreadsOtherExceptionReachesMainThroughTheJoin() {
        RunResult r = runFifo(() -> Coroutine.ofVoid("main", () -> {
            Threads threads = new Threads();
            Task<Void> t = threads.create("t", () -> {
                throw new IllegalStateException("not an assertion");
            });
            threads.join(t);
        }));
        assertThat(r.failure()).isExactlyInstanceOf(IllegalStateException.class).hasMessage("not an assertion");
    }

    @Test
    void everySharedAccessIsASchedulingPoint() {
        // Two unlocked increments (a read, then a write) in FIFO order: both read 0 before either writes, as two C
        // threads preempted at every shared access would, and one increment is lost.
        RunResult r = runFifo(() -> Coroutine.ofVoid("main", () -> {
            SharedInt counter = new SharedInt("counter", 0);
            Threads threads = new Threads();
            Task<Void> a = threads.create("a", () -> counter.set(counter.get() + 1));
            Task<Void> b = threads.create("b", () -> counter.set(counter.get() + 1));
            threads.join(a);
            threads.join(b);
            int value = counter.get();
            if (value != 1) {
                throw new AssertionError("counter = " + value + ", expected the lost update to leave 1");
            }
        }));
        assertThat(r.failure()).isNull();
    }
}

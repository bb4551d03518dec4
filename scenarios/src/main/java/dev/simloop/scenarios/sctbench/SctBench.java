package dev.simloop.scenarios.sctbench;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The SCTBench programs ported to simloop (see the {@linkplain dev.simloop.scenarios.sctbench package}): the buggy
 * programs of SCTBench's concurrent-software-benchmarks set, all 29 that SCTBench's list of buggy benchmarks
 * ({@code benchmarks/buggy.txt}) names, in its alphabetical order except that numbered variants go by number.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class SctBench {
    private SctBench() {}

    private static final List<SctProgram> PROGRAMS = List.of(
            new SctProgram("account",
                    "deposit, withdraw and a checker under one mutex; the checker's expected balance is wrong",
                    Account::program),
            new SctProgram("arithmetic_prog",
                    "producer and consumer on a condition variable; main asserts the total is not the one it is",
                    ArithmeticProg::program),
            new SctProgram("bluetooth_driver",
                    "an I/O checks the stopping flag, then the whole stop runs before it counts itself in",
                    BluetoothDriver::program),
            new SctProgram("carter01",
                    "a two-class lock taken inside the counter's mutex deadlocks",
                    Carter01::program),
            new SctProgram("circular_buffer",
                    "sender and receiver take turns by flags but count their iterations apart",
                    CircularBuffer::program),
            new SctProgram("deadlock01",
                    "two threads take two mutexes in opposite orders",
                    Deadlock01::program),
            dinPhil(2),
            dinPhil(3),
            dinPhil(4),
            dinPhil(5),
            dinPhil(6),
            dinPhil(7),
            new SctProgram("fsbench",
                    "27 threads index 26 inode locks: thread 26 fails the bounds assertion",
                    FsBench::program),
            new SctProgram("lazy01",
                    "the checker under the mutex fails if it comes after both adders",
                    Lazy01::program),
            new SctProgram("phase01",
                    "a thread ends holding a mutex the other needs",
                    Phase01::program),
            new SctProgram("queue",
                    "enqueuer and dequeuer take turns by flags but index the expected values by their own iterations",
                    Queue::program),
            reorder(2, 1, "reorder_3"),
            reorder(3, 1, "reorder_4"),
            reorder(4, 1, "reorder_5"),
            reorder(9, 1, "reorder_10"),
            reorder(10, 10, "reorder_20"),
            new SctProgram("stack",
                    "the popper pops whenever the flag is set, also twice in a row, and underflows",
                    Stack::program),
            new SctProgram("sync01",
                    "the producer waits for an empty slot that nobody empties",
                    Sync01::program),
            new SctProgram("sync02",
                    "the counter starts at 2, so the producer waits for ever after the consumer ends",
                    Sync02::program),
            new SctProgram("token_ring",
                    "three atomic copies round a ring agree only in ring order",
                    TokenRing::program),
            new SctProgram("twostage",
                    "1 writer, 1 reader: a reader between the writer's two critical sections sees them torn",
                    () -> TwoStage.program("twostage", 1, 1)),
            new SctProgram("twostage_100",
                    "99 writers, 1 reader: a reader between a writer's two critical sections sees them torn",
                    () -> TwoStage.program("twostage_100", 99, 1)),
            new SctProgram("wronglock",
                    "1 checker and 7 incrementers guard one counter with two different mutexes",
                    () -> WrongLock.program("wronglock", 1, 7)),
            new SctProgram("wronglock_3",
                    "1 checker and 3 incrementers guard one counter with two different mutexes",
                    () -> WrongLock.program("wronglock_3", 1, 3)));

    private static SctProgram dinPhil(int n) {
        return new SctProgram("din_phil" + n + "_sat",
                n + " philosophers eat in an atomic block, then the last to count itself asserts it is not last",
                () -> DiningPhilosophers.program(n));
    }

    private static SctProgram reorder(int setters, int checkers, String name) {
        return new SctProgram(name,
                setters + " setters write a = 1, b = -1 unlocked; " + checkers
                        + (checkers == 1 ? " checker asserts" : " checkers assert") + " it sees both or neither",
                () -> Reorder.program(name, setters, checkers));
    }

    /**
     * Every ported program, in a fixed order: alphabetical by name, numbered variants by number.
     *
     * @return an immutable list
     */
    public static List<SctProgram> programs() {
        return PROGRAMS;
    }

    /**
     * The program called {@code name}.
     *
     * @param name a name such as "account" or "reorder_3"
     * @return the program, or empty if none has that name
     */
    public static Optional<SctProgram> named(String name) {
        return PROGRAMS.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}

package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.sleep;
import static dev.simloop.Sim.yieldNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simloop.sync.LifoQueue;
import dev.simloop.sync.PriorityQueue;
import dev.simloop.sync.Queue;
import dev.simloop.sync.QueueEmptyException;
import dev.simloop.sync.QueueFullException;
import dev.simloop.sync.QueueShutDownException;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** Queue, PriorityQueue and LifoQueue as in CPython 3.13's queues.py and test_queues.py. */
class QueueTest extends LoopTestBase {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private Task<Void> getter(Queue<String> q, String name) {
        return spawn(name, () -> {
            try {
                logAt(name + " got " + q.get());
            } catch (QueueShutDownException e) {
                logAt(name + ": " + e.getMessage());
            }
        });
    }

    private Task<Void> putter(Queue<String> q, String name, String item) {
        return spawn(name, () -> {
            try {
                q.put(item);
                logAt(name + " put " + item);
            } catch (QueueShutDownException e) {
                logAt(name + ": " + e.getMessage());
            }
        });
    }

    @Test
    void itemsComeOutFirstInFirstOut() {
        Queue<String> q = new Queue<>();
        runVoid(() -> {
            q.put("a");
            q.putNowait(null);
            q.put("c");
            log.add("size " + q.qsize() + ", full " + q.full());
            log.add(q.get() + " " + q.getNowait() + " " + q.get());
        });
        assertThat(log).containsExactly("size 3, full false", "a null c");
    }

    @Test
    void getWaitsForAPutAndGettersAreServedInArrivalOrder() {
        Queue<String> q = new Queue<>();
        runVoid(() -> {
            Task<Void> a = getter(q, "a");
            Task<Void> b = getter(q, "b");
            sleep(SECOND);
            q.put("x");
            q.put("y");
            await(Sim.gather(a, b));
        });
        assertThat(log).containsExactly("a got x at 1 s", "b got y at 1 s");
    }

    @Test
    void putWaitsForRoomInABoundedQueue() {
        Queue<String> q = new Queue<>(1);
        runVoid(() -> {
            q.put("a");
            Task<Void> p = putter(q, "p", "b");
            sleep(SECOND);
            log.add("full " + q.full() + ", maxsize " + q.maxsize());
            logAt("main got " + q.get());
            await(p);
            logAt("main got " + q.get());
        });
        assertThat(log).containsExactly("full true, maxsize 1", "main got a at 1 s", "p put b at 1 s",
                "main got b at 1 s");
    }

    @Test
    void theNoWaitFormsFailOnAnEmptyOrFullQueue() {
        Queue<String> q = new Queue<>(1);
        assertThatThrownBy(q::getNowait).isInstanceOf(QueueEmptyException.class)
                .hasMessage("getNowait on an empty queue: wait for an item with get(), or check empty() first.");
        q.putNowait("a");
        assertThatThrownBy(() -> q.putNowait("b")).isInstanceOf(QueueFullException.class)
                .hasMessage("putNowait on a full queue (1 of 1 items): wait for room with put(item), or make the "
                        + "queue larger.");
    }

    @Test
    void joinWaitsUntilEveryItemIsMarkedDone() {
        Queue<String> q = new Queue<>();
        runVoid(() -> {
            q.put("a");
            q.put("b");
            Task<Void> worker = spawn("worker", () -> {
                for (int i = 0; i < 2; i++) {
                    String item = q.get();
                    sleep(SECOND);
                    logAt("worker finished " + item);
                    q.taskDone();
                }
            });
            q.join();
            logAt("join returned");
            await(worker);
        });
        assertThat(log).containsExactly("worker finished a at 1 s", "worker finished b at 2 s", "join returned at 2 s");
    }

    @Test
    void anExtraTaskDoneIsAnError() {
        Queue<String> q = new Queue<>();
        q.putNowait("a");
        q.getNowait();
        q.taskDone();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class)
                .hasMessage("taskDone() called too many times: every call must match one item that was put and "
                        + "taken. Call it once per item you got, after processing it.");
    }

    @Test
    void afterShutdownPutsFailAndGetsDrainTheQueueThenFail() {
        Queue<String> q = new Queue<>();
        runVoid(() -> {
            q.put("a");
            q.shutdown();
            log.add("shut down " + q.isShutDown());
            assertThatThrownBy(() -> q.put("b")).isInstanceOf(QueueShutDownException.class)
                    .hasMessage("put on a queue that was shut down: no more items will come. Stop producing when "
                            + "you catch this.");
            log.add("got " + q.get());
            assertThatThrownBy(q::get).isInstanceOf(QueueShutDownException.class)
                    .hasMessage("get on a queue that was shut down and is empty: no more items will come. Stop "
                            + "consuming when you catch this.");
        });
        assertThat(log).containsExactly("shut down true", "got a");
    }

    @Test
    void shutdownWakesWaitingGettersAndPutters() {
        Queue<String> empty = new Queue<>();
        Queue<String> full = new Queue<>(1);
        runVoid(() -> {
            full.put("x");
            Task<Void> g = getter(empty, "g");
            Task<Void> p = putter(full, "p", "y");
            sleep(SECOND);
            empty.shutdown();
            full.shutdown();
            await(Sim.gather(g, p));
        });
        assertThat(log).containsExactly(
                "g: get on a queue that was shut down and is empty: no more items will come. Stop consuming when "
                        + "you catch this. at 1 s",
                "p: put on a queue that was shut down: no more items will come. Stop producing when you catch this. "
                        + "at 1 s");
    }

    @Test
    void anImmediateShutdownDropsTheItemsAndReleasesJoin() {
        Queue<String> q = new Queue<>();
        runVoid(() -> {
            q.put("a");
            q.put("b");
            Task<Void> joiner = spawn("joiner", () -> {
                q.join();
                logAt("join returned");
            });
            sleep(SECOND);
            q.shutdown(true);
            log.add("size " + q.qsize());
            await(joiner);
            assertThatThrownBy(q::getNowait).isInstanceOf(QueueShutDownException.class);
        });
        assertThat(log).containsExactly("size 0", "join returned at 1 s");
    }

    @Test
    void aWokenGetterThatIsCancelledPassesTheItemOn() {
        Queue<String> q = new Queue<>();
        runVoid(() -> {
            Task<Void> a = getter(q, "a");
            Task<Void> b = getter(q, "b");
            yieldNow();
            q.put("x"); // wakes a ...
            a.cancel(); // ... which is cancelled before it runs
            log.add("a: " + outcomeOf(a));
            await(b);
        });
        assertThat(log).containsExactly("b got x at 0 s", "a: cancelled: cancelled");
    }

    @Test
    void aWokenPutterThatIsCancelledPassesTheSlotOn() {
        Queue<String> q = new Queue<>(1);
        runVoid(() -> {
            q.put("x");
            Task<Void> a = putter(q, "a", "from a");
            Task<Void> b = putter(q, "b", "from b");
            yieldNow();
            log.add("main got " + q.getNowait()); // wakes a ...
            a.cancel(); // ... which is cancelled before it runs
            log.add("a: " + outcomeOf(a));
            await(b);
            log.add("main got " + q.getNowait());
        });
        assertThat(log).containsExactly("main got x", "b put from b at 0 s", "a: cancelled: cancelled",
                "main got from b");
    }

    @Test
    void aPriorityQueueGivesTheSmallestFirstAndEqualItemsInPutOrder() {
        PriorityQueue<String> q = new PriorityQueue<>(0, Comparator.comparingInt(String::length));
        runVoid(() -> {
            for (String s : new String[] {"ccc", "b1", "a", "b2", "b3"}) {
                q.put(s);
            }
            while (!q.empty()) {
                log.add(q.get());
            }
        });
        assertThat(log).containsExactly("a", "b1", "b2", "b3", "ccc");
    }

    @Test
    void aPriorityQueueUsesNaturalOrderByDefault() {
        PriorityQueue<Integer> q = new PriorityQueue<>();
        q.putNowait(3);
        q.putNowait(1);
        q.putNowait(2);
        assertThat(new int[] {q.getNowait(), q.getNowait(), q.getNowait()}).containsExactly(1, 2, 3);
    }

    @Test
    void aPriorityQueueTakesAMaxsizeAlone() {
        PriorityQueue<Integer> q = new PriorityQueue<>(2);
        q.putNowait(3);
        q.putNowait(1);
        log.add("maxsize " + q.maxsize() + ", full " + q.full());
        assertThatThrownBy(() -> q.putNowait(2)).isInstanceOf(QueueFullException.class);
        log.add("got " + q.getNowait() + ", then " + q.getNowait());
        assertThat(log).containsExactly("maxsize 2, full true", "got 1, then 3");
    }

    @Test
    void aLifoQueueGivesTheLastPutFirst() {
        LifoQueue<String> q = new LifoQueue<>(2);
        q.putNowait("a");
        q.putNowait("b");
        log.add("full " + q.full());
        log.add(q.getNowait());
        log.add(q.getNowait());
        assertThat(log).containsExactly("full true", "b", "a");
    }
}

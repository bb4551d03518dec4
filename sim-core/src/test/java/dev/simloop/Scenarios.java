package dev.simloop;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.yieldNow;

import java.util.ArrayList;
import java.util.List;

/** Small concurrency bugs the policy tests hunt. */
final class Scenarios {
    private Scenarios() {}

    /**
     * A lost update: "a" reads, yields, writes; "b" yields first, then does the same. In FIFO order a's write runs
     * before b's read in the same iteration, so the counter ends at 2; b's read first loses a's update.
     */
    static Coroutine<Void> lostUpdate() {
        return Coroutine.ofVoid("main", () -> {
            int[] counter = {0};
            Task<Void> a = createTask("a", Coroutine.ofVoid(() -> {
                int v = counter[0];
                yieldNow();
                counter[0] = v + 1;
            }));
            Task<Void> b = createTask("b", Coroutine.ofVoid(() -> {
                yieldNow();
                int v = counter[0];
                yieldNow();
                counter[0] = v + 1;
            }));
            await(a);
            await(b);
            if (counter[0] != 2) {
                throw new AssertionError("lost update: counter is " + counter[0] + ", expected 2");
            }
        });
    }

    /** {@link #lostUpdate()} with three bystander tasks that yield three times each, adding decisions. */
    static Coroutine<Void> lostUpdateWithBystanders() {
        return Coroutine.ofVoid("main", () -> {
            List<Task<Void>> bystanders = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                bystanders.add(createTask("bystander-" + i, Coroutine.ofVoid(() -> {
                    for (int turn = 0; turn < 3; turn++) {
                        yieldNow();
                    }
                })));
            }
            await(lostUpdate());
            for (Task<Void> t : bystanders) {
                await(t);
            }
        });
    }

    /**
     * An ordering bug of depth 3 between two tasks that each take 8 turns: it shows only if b runs before a in turn 1,
     * a before b in turn 4, and b before a in turn 7 (three ordering constraints).
     */
    static Coroutine<Void> depthThree() {
        return Coroutine.ofVoid("main", () -> {
            List<String> log = new ArrayList<>();
            Task<Void> a = createTask("a", turns("a", log));
            Task<Void> b = createTask("b", turns("b", log));
            await(a);
            await(b);
            if (log.indexOf("b1") < log.indexOf("a1") && log.indexOf("a4") < log.indexOf("b4")
                    && log.indexOf("b7") < log.indexOf("a7")) {
                throw new AssertionError("depth-3 ordering bug: " + log);
            }
        });
    }

    private static Coroutine<Void> turns(String name, List<String> log) {
        return Coroutine.ofVoid(() -> {
            for (int turn = 1; turn <= 8; turn++) {
                log.add(name + turn);
                yieldNow();
            }
        });
    }
}

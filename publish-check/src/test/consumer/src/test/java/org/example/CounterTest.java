package org.example;

import static dev.simloop.Sim.await;
import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.simloop.Coroutine;
import dev.simloop.Task;
import dev.simloop.junit.SimTest;

class CounterTest {
    @SimTest(seeds = 50)
    void countsEveryIncrement() {
        int[] counter = {0};
        Coroutine.VoidBody increment = () -> {
            yieldNow();
            counter[0]++;
        };
        Task<Void> a = createTask("a", Coroutine.ofVoid(increment));
        Task<Void> b = createTask("b", Coroutine.ofVoid(increment));
        await(a);
        await(b);
        assertEquals(2, counter[0]);
    }
}

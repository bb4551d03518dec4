package dev.simloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Under simulation, toThread runs its call inline, on the loop's thread, as one step of its own. */
class ToThreadSimulationTest extends LoopTestBase {

    @Test
    void theCallIsOneStepOnTheLoopThreadAndTakesNoVirtualTime() {
        List<String> order = run(() -> {
            List<String> events = new ArrayList<>();
            Task<Void> other = spawn("other", () -> events.add("other ran"));
            long stepsBefore = loop.stepCount();
            String result = Sim.toThread(() -> {
                events.add("call on the loop thread: " + loop.isLoopThread() + ", in step " + loop.stepCount());
                return "done";
            });
            events.add(result + " at " + now() + ", " + (loop.stepCount() - stepsBefore) + " steps later");
            Sim.await(other);
            return events;
        });
        assertThat(order).containsExactly("other ran", "call on the loop thread: true, in step 3",
                "done at 0 s, 3 steps later");
    }
}

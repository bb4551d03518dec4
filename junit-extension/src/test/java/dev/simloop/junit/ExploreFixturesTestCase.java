package dev.simloop.junit;

import static dev.simloop.Sim.createTask;
import static dev.simloop.Sim.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simloop.Coroutine;
import java.time.Duration;
import java.util.List;

/** Systematic searches run through the EngineTestKit by {@link ExploreTest}; not run on their own. */
class ExploreFixturesTestCase {

    /** a, b and c each append their name in one step while main sleeps; c must not run first (2 delays). */
    static void cMustNotRunFirst() {
        StringBuilder order = new StringBuilder();
        for (String name : List.of("a", "b", "c")) {
            createTask(name, Coroutine.ofVoid(() -> order.append(name)));
        }
        sleep(Duration.ofSeconds(1));
        assertThat(order.charAt(0)).as("first of %s", order).isNotEqualTo('c');
    }

    @SimTest(explore = 1)
    void passesEveryScheduleWithOneDelay() {
        cMustNotRunFirst();
    }

    @SimTest(explore = 2)
    void failsASheduleWithTwoDelays() {
        cMustNotRunFirst();
    }

    @SimTest(schedule = "seed=0xe220a8397b1dcdaf scope=step picks=2/3")
    void failsTheScheduleItIsGiven() {
        cMustNotRunFirst();
    }

    @SimTest(explore = -2)
    void hasANegativeBound() {
    }
}

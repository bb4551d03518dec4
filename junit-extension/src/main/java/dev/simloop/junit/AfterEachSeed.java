package dev.simloop.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A method of a test class that runs after each seed of each {@link SimTest} in the class, inside the seed's run, as
 * the last thing its main coroutine does: check a per-seed invariant, or clean up what the seed made (cancel its
 * tasks, close what it opened). The pair of {@link BeforeEachSeed}.
 *
 * <p>It runs after the test method whether the method passed or failed, and before the check for tasks left pending
 * (so it may cancel them). If it throws, the seed fails: with its exception when the method passed, else with the
 * method's, to which its exception is added as suppressed. It may take the seed's {@link dev.simloop.EventLoop},
 * {@link java.util.random.RandomGenerator}, {@link java.time.Clock} and {@code Supplier<Trace>} as parameters, and
 * nothing else; it may await and sleep. Methods run subclass first, as JUnit orders {@code @AfterEach}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public @interface AfterEachSeed {
}

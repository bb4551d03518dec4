package dev.simloop.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A method of a test class that runs before each seed of each {@link SimTest} in the class, inside the seed's run, as
 * the first thing its main coroutine does: set up here what one seed must not inherit from the one before.
 *
 * <p>The fast mode of {@code @SimTest} runs all seeds on one test instance with one round of {@code @BeforeEach}, so
 * instance state left by one seed would reach the next; this hook resets it. It may take the seed's
 * {@link dev.simloop.EventLoop}, {@link java.util.random.RandomGenerator}, {@link java.time.Clock} and {@code Supplier<Trace>} as parameters,
 * and nothing else; it may await and sleep. Methods run superclass first, as JUnit orders {@code @BeforeEach}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface BeforeEachSeed {
}

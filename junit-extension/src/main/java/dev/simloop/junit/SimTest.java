package dev.simloop.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test whose body runs as the main coroutine of a fresh simloop event loop: it can {@code await}, create tasks and
 * {@code sleep} in virtual time.
 *
 * <pre>{@code
 * @SimTest
 * void replyArrivesAfterAnHour(EventLoop loop) {
 *     Task<String> reply = createTask(server.reply("ping"));
 *     sleep(Duration.ofHours(1));
 *     assertThat(reply.isDone()).isTrue();
 * }
 * }</pre>
 *
 * <p>The loop can be injected as an {@link dev.simloop.EventLoop} parameter. When the body returns, the test fails
 * if a task other than a background one is still pending; when the loop closes, if a task exception was never
 * retrieved or a coroutine was never awaited. A deadlock fails the test with every pending task and what it waits on.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(SimExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface SimTest {
}

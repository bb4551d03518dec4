package dev.simloop.junit;

import dev.simloop.Task;
import org.apiguardian.api.API;

/**
 * Assertions on a {@link Task}; made by {@link SimAssertions#assertThat(Task)}.
 *
 * @param <T> the task's result type
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TaskAssert<T> extends AbstractTaskAssert<TaskAssert<T>, T> {

    TaskAssert(Task<T> actual) {
        super(actual, TaskAssert.class);
    }
}

package dev.simloop;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link LoopProblem} that failed a run of a {@link Simulation}: a task exception nobody retrieved, a coroutine never
 * awaited, a failing callback.
 *
 * <p>The message is the problem's kind and message ("UNRETRIEVED_EXCEPTION: Task 'worker' failed with ..."), so it
 * names what is involved; the cause is the problem's exception, if it has one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class LoopProblemException extends SimException {
    private static final long serialVersionUID = 1L;

    private final LoopProblem.Kind kind;
    private final String problemMessage;

    /**
     * @param problem what the loop reported, not null
     */
    public LoopProblemException(LoopProblem problem) {
        super(problem.kind() + ": " + problem.message(), problem.cause());
        this.kind = problem.kind();
        this.problemMessage = Objects.requireNonNull(problem.message(), "message");
    }

    /** The problem as the loop reported it. */
    public LoopProblem problem() {
        return new LoopProblem(kind, problemMessage, getCause());
    }
}

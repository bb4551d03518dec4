package dev.simloop;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An {@link Executor} that runs each command as a callback of its loop ({@code callSoon}): made by
 * {@link EventLoop#executor()} for {@code CompletableFuture}'s {@code *Async} stages.
 *
 * <p>Confined like the loop: {@code execute} from another thread throws a {@link WrongThreadException} (a
 * {@code CompletableFuture} then fails the dependent stage with it); on a closed loop it throws a
 * {@link RejectedExecutionException}.
 */
final class LoopExecutor implements Executor {

    private final EventLoop loop;

    LoopExecutor(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        loop.checkThread();
        if (loop.isClosed()) {
            throw new RejectedExecutionException("The executor of event loop '" + loop.name() + "' rejected a "
                    + "command: the loop is closed.");
        }
        loop.callSoonInternal(command, loop.inBackground());
    }

    @Override
    public String toString() {
        return "LoopExecutor[" + loop.name() + "]";
    }
}

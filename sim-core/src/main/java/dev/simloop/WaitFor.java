package dev.simloop;

import dev.simloop.internal.VirtualTimes;
import java.time.Duration;

/** asyncio's {@code wait_for} (3.12+): a {@link Timeout} scope around an await, in the caller's task. */
final class WaitFor {
    private WaitFor() {}

    static <T> T waitFor(Awaitable<T> awaitable, Duration timeout) {
        if (timeout != null && VirtualTimes.nanos(timeout) <= 0) {
            FutureBase<T> f = Futures.ensureFuture(awaitable);
            if (f.isDone()) {
                return f.result();
            }
            Futures.cancelAndWait(f);
            try {
                return f.result();
            } catch (CancelledException e) {
                throw new SimTimeoutException("waitFor timed out: a timeout of " + VirtualTimes.format(
                        VirtualTimes.nanos(timeout)) + " of virtual time leaves no time to wait; "
                        + f.describe() + " was cancelled.", e);
            }
        }
        return Timeout.after(timeout).call(() -> Sim.await(awaitable));
    }
}

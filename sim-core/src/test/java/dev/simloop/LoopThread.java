package dev.simloop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A platform thread that owns a real-time loop, as a server's main thread does: it builds the loop, publishes it,
 * runs {@code body} on it, then closes it. Tests talk to the loop from their own thread, as other threads would.
 */
final class LoopThread {

    final EventLoop loop;
    final Thread thread;
    /** Completes when the loop is closed: normally, or with what {@code body} or the close threw. */
    final CompletableFuture<Void> ended = new CompletableFuture<>();

    private LoopThread(EventLoop.Builder settings, Consumer<EventLoop> body) throws Exception {
        CompletableFuture<EventLoop> built = new CompletableFuture<>();
        thread = Thread.ofPlatform().name("loop-owner").start(() -> {
            try (EventLoop l = settings.build()) {
                built.complete(l);
                body.accept(l);
            } catch (Throwable t) {
                ended.completeExceptionally(t);
                return;
            }
            ended.complete(null);
        });
        loop = built.get(10, TimeUnit.SECONDS);
    }

    /** Starts a loop thread with {@code settings} that runs {@code body} and then closes the loop. */
    static LoopThread start(EventLoop.Builder settings, Consumer<EventLoop> body) throws Exception {
        return new LoopThread(settings, body);
    }

    /** Starts a real-time loop thread that runs the loop until it is stopped, then closes it. */
    static LoopThread runningForever(String name) throws Exception {
        return start(EventLoop.builder().name(name).realTime(), EventLoop::runForever);
    }
}

package dev.simloop;

import dev.simloop.internal.CoreAccess;

/** The engine's side of {@link CoreAccess}: the hooks of {@code dev.simloop.sync}, installed by {@link EventLoop}. */
final class EngineAccess extends CoreAccess {

    @Override
    public void checkThread(EventLoop loop) {
        loop.checkThread();
    }

    @Override
    public SimFuture<Void> newWaiter(EventLoop loop, Object resource, String label) {
        SimFuture<Void> waiter = loop.createFuture(label);
        waiter.resource = resource;
        waiter.primitiveWait = true;
        return waiter;
    }
}

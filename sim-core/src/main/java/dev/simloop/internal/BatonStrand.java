package dev.simloop.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * The portable strand: a virtual thread per coroutine and a baton that only one side holds at a time.
 *
 * <p>Public API only, about 1 us a switch. The driver parks until the body hands the baton back (by suspending or
 * ending); the body parks until the driver hands it over again. The volatile {@code bodyTurn} flag is the baton, and
 * its writes and reads order everything the two sides do, so the body's and the driver's plain fields need no locks.
 */
final class BatonStrand implements Strand {

    private final Thread thread;
    /** True while the body holds the baton. Written by the side that hands the baton over. */
    private volatile boolean bodyTurn;
    private volatile boolean done;
    private Thread driver;
    private boolean started;

    BatonStrand(Runnable body, String name) {
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                body.run();
            } finally {
                done = true;
                bodyTurn = false;
                LockSupport.unpark(driver);
            }
        });
    }

    @Override
    public void resume() {
        driver = Thread.currentThread();
        bodyTurn = true;
        if (!started) {
            started = true;
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
        while (bodyTurn) {
            LockSupport.park(this);
        }
    }

    @Override
    public void suspend() {
        bodyTurn = false;
        LockSupport.unpark(driver);
        while (!bodyTurn) {
            LockSupport.park(this);
        }
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void awaitRelease() {
        if (!started) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Thread bodyThread(Thread driver) {
        return thread;
    }
}

package dev.simloop.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Notices a loop whose current step has run too long in wall-clock time: a coroutine that blocks the loop's thread.
 *
 * <p>One daemon thread serves every loop in the JVM, started on first use. It is the only simloop code that reads
 * the wall clock, and it decides nothing a simulation can observe: it only reports. A shared thread instead of one
 * per loop because a seed sweep creates thousands of loops, and starting a platform thread costs tens of
 * microseconds each time.
 */
public final class Watchdog {

    /** What a watched loop exposes. */
    public interface Watched {
        /** A counter that the loop bumps when a step starts and when it ends: odd while a step runs. */
        long progress();

        /** How long one step may run, in wall-clock nanoseconds, before it is reported. */
        long blockedThresholdNanos();

        /**
         * Called once per blocking step, on the watchdog's thread, when the step has run past the threshold.
         *
         * @param wallNanos how long the step has run so far
         */
        void stepBlocked(long wallNanos);
    }

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Map<Watched, State> WATCHED = new ConcurrentHashMap<>();
    private static final Object START_LOCK = new Object();
    private static Thread thread;

    private Watchdog() {}

    private static final class State {
        long progress = -1;
        long since;
        boolean reported;
    }

    /** Starts watching {@code w} until {@link #unwatch}. */
    public static void watch(Watched w) {
        WATCHED.put(w, new State());
        synchronized (START_LOCK) {
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name("simloop-watchdog").start(Watchdog::loop);
            }
        }
    }

    /** Stops watching {@code w}. */
    public static void unwatch(Watched w) {
        WATCHED.remove(w);
    }

    private static void loop() {
        while (true) {
            try {
                TimeUnit.NANOSECONDS.sleep(TICK_NANOS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            WATCHED.forEach((w, s) -> check(w, s, now));
        }
    }

    private static void check(Watched w, State s, long now) {
        long p = w.progress();
        if (p != s.progress) {
            s.progress = p;
            s.since = now;
            s.reported = false;
            return;
        }
        if ((p & 1) == 1 && !s.reported && now - s.since >= w.blockedThresholdNanos()) {
            s.reported = true;
            try {
                w.stepBlocked(now - s.since);
            } catch (RuntimeException | Error e) {
                System.getLogger("dev.simloop").log(System.Logger.Level.ERROR, "simloop watchdog report failed", e);
            }
        }
    }
}

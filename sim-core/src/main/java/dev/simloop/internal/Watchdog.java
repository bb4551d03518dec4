package dev.simloop.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Notices a loop whose current step has run too long in wall-clock time: a coroutine that blocks the loop's thread.
 *
 * <p>One daemon thread serves every loop in the JVM, started on first use. It is the only simloop code that reads
 * the wall clock, and it decides nothing a simulation can observe: it only reports. A shared thread instead of one
 * per loop because a seed sweep creates thousands of loops, and starting a platform thread costs tens of
 * microseconds each time.
 *
 * <p>Each thread that runs loops has one {@link Slot}, registered the first time; a run only writes its loop into
 * the slot and clears it after. So a sweep's threads, starting thousands of runs a second each, share no lock and
 * no hash-map entry: measured here, registering every run in a shared map cost a tenth of the two-thread speed-up.
 * A slot whose thread has died is dropped by the watchdog.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Watchdog {

    /** What a watched loop exposes. */
    @API(status = API.Status.INTERNAL, since = "0.1")
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

    /** A thread's place on the watch list: the loop it runs now, and what the watchdog last saw of it. */
    private static final class Slot {
        final Thread owner = Thread.currentThread();
        /** The loop running on {@link #owner}, or null between runs. Written by the owner, read by the watchdog. */
        volatile Watched current;
        // The watchdog's own bookkeeping, touched by its thread only.
        Watched seen;
        long progress = -1;
        long since;
        boolean reported;
    }

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final Map<Slot, Boolean> SLOTS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(() -> {
        Slot s = new Slot();
        SLOTS.put(s, Boolean.TRUE);
        return s;
    });
    private static final Object START_LOCK = new Object();
    /** The watchdog's thread once started; volatile so that the common path (already started) takes no lock. */
    private static volatile Thread thread;

    private Watchdog() {}

    /** Starts watching {@code w}, which runs on the calling thread, until {@link #unwatch}. */
    public static void watch(Watched w) {
        SLOT.get().current = w;
        if (thread == null) {
            synchronized (START_LOCK) {
                if (thread == null) {
                    thread = Thread.ofPlatform().daemon().name("simloop-watchdog").start(Watchdog::loop);
                }
            }
        }
    }

    /** Stops watching the loop that runs on the calling thread. */
    public static void unwatch(Watched w) {
        Slot s = SLOT.get();
        if (s.current == w) {
            s.current = null;
        }
    }

    private static void loop() {
        while (true) {
            try {
                TimeUnit.NANOSECONDS.sleep(TICK_NANOS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Slot s : SLOTS.keySet()) {
                if (!s.owner.isAlive()) {
                    SLOTS.remove(s);
                } else {
                    check(s, now);
                }
            }
        }
    }

    private static void check(Slot s, long now) {
        Watched w = s.current;
        long p = w == null ? -1 : w.progress();
        if (w != s.seen || p != s.progress) {
            s.seen = w;
            s.progress = p;
            s.since = now;
            s.reported = false;
            return;
        }
        if (w != null && (p & 1) == 1 && !s.reported && now - s.since >= w.blockedThresholdNanos()) {
            s.reported = true;
            try {
                w.stepBlocked(now - s.since);
            } catch (RuntimeException | Error e) {
                System.getLogger("dev.simloop").log(System.Logger.Level.ERROR, "simloop watchdog report failed", e);
            }
        }
    }
}

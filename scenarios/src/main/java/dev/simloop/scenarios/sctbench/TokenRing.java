package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code token_ring_bad} (concurrent-software-benchmarks/token_ring_bad.c, with common.inc): three threads
 * pass a token round a ring ({@code x1 = (x3 + 1) % 4}, {@code x2 = x1}, {@code x3 = x2}, each setting its flag),
 * and a fourth asserts, once all three flags are set, that {@code x1 == x2 == x3}. Each thread's body is one atomic
 * block ({@code __ESBMC_atomic_begin/end}, which common.inc defines as the global mutex {@code esbmc_mutex}).
 *
 * <p>The bug: the ring agrees only if the three run in ring order {@code t1, t2, t3}; any other order (say
 * {@code t2} first, copying the initial {@code x1 = 1}) leaves the values different, e.g. {@code x1 = 2, x2 = 1,
 * x3 = 1}. In round-robin order the fair mutex serves them in creation order, which is ring order, and it passes.
 *
 * <p>Deviation: the C {@code main} returns without joining (and creates the fourth thread into {@code id3}, which it
 * already used); this one keeps all four and joins them in creation order, so that they run at all.
 */
final class TokenRing {
    private TokenRing() {}

    /** The globals of one run. */
    private static final class State {
        final Mutex esbmcMutex = new Mutex("esbmc_mutex");
        final SharedInt x1 = new SharedInt("x1", 1);
        final SharedInt x2 = new SharedInt("x2", 2);
        final SharedInt x3 = new SharedInt("x3", 1);
        final SharedBool flag1 = new SharedBool("flag1", false);
        final SharedBool flag2 = new SharedBool("flag2", false);
        final SharedBool flag3 = new SharedBool("flag3", false);
    }

    /**
     * The main coroutine of a run, with fresh globals.
     *
     * @return the coroutine
     */
    static Coroutine<Void> program() {
        return Coroutine.ofVoid("main", () -> {
            State s = new State();
            Threads threads = new Threads();
            Task<Void> id1 = threads.create("t1", () -> t1(s));
            Task<Void> id2 = threads.create("t2", () -> t2(s));
            Task<Void> id3 = threads.create("t3", () -> t3(s));
            Task<Void> id4 = threads.create("t4", () -> t4(s));
            threads.join(id1);
            threads.join(id2);
            threads.join(id3);
            threads.join(id4);
        });
    }

    private static void t1(State s) {
        s.esbmcMutex.lock();
        s.x1.set((s.x3.get() + 1) % 4);
        s.flag1.set(true);
        s.esbmcMutex.unlock();
    }

    private static void t2(State s) {
        s.esbmcMutex.lock();
        s.x2.set(s.x1.get());
        s.flag2.set(true);
        s.esbmcMutex.unlock();
    }

    private static void t3(State s) {
        s.esbmcMutex.lock();
        s.x3.set(s.x2.get());
        s.flag3.set(true);
        s.esbmcMutex.unlock();
    }

    private static void t4(State s) {
        s.esbmcMutex.lock();
        if (s.flag1.get() && s.flag2.get() && s.flag3.get()) {
            // assert(x1 == x2 && x2 == x3), read as C evaluates it: x1, x2, then x2 and x3 only if the first two match
            int x1 = s.x1.get();
            int x2 = s.x2.get();
            if (x1 != x2) {
                throw new AssertionError("token_ring: all three flags are set but x1 = " + x1 + " and x2 = " + x2);
            }
            int x2Again = s.x2.get();
            int x3 = s.x3.get();
            if (x2Again != x3) {
                throw new AssertionError("token_ring: all three flags are set but x2 = " + x2Again + " and x3 = "
                        + x3 + " (x1 = " + x1 + ")");
            }
        }
        s.esbmcMutex.unlock();
    }
}

package dev.simloop.scenarios.sctbench;

/**
 * The one place where a ported program gives up control: every read or write of a shared variable, every lock
 * acquire and release and every condition wait and signal calls {@link #access(String)} first, directly or through
 * {@link SharedInt}, {@link SharedBool}, {@link SharedIntArray}, {@link Mutex} and {@link CondVar}. A controlled
 * scheduler for C programs (SCTBench's) switches threads at exactly such visible operations; here they are the
 * suspension points of the coroutines.
 */
final class Shared {
    private Shared() {}

    /**
     * A scheduling point before an access to the named shared resource.
     *
     * @param resource the variable, array element or lock about to be accessed ("balance", "m1", "arr[3]")
     */
    static void access(String resource) {
        // a scheduling point before an access to the named shared resource
        dev.simloop.Sim.yieldNow(resource);
    }
}

package dev.simloop.scenarios.sctbench;

import dev.simloop.Coroutine;
import dev.simloop.Task;

/**
 * SCTBench's {@code bluetooth_driver_bad} (concurrent-software-benchmarks/bluetooth_driver_bad.c, with common.inc): a
 * simplified Windows Bluetooth driver. {@code main} runs {@code BCSP_PnpAdd} (an I/O: count it in
 * {@code pendingIo}, assert the driver is not stopped, count it out) while a second thread runs
 * {@code BCSP_PnpStop} (set {@code stoppingFlag}, drop the initial count, and mark the driver {@code stopped} once
 * the count reaches zero). The counter updates are atomic blocks ({@code __ESBMC_atomic_begin/end}, which common.inc
 * defines as the global mutex {@code esbmc_mutex}).
 *
 * <p>The bug: {@code BCSP_IoIncrement} checks {@code stoppingFlag} and increments the count in two steps. If the
 * whole of {@code BCSP_PnpStop} runs between them, it sees the count reach zero and sets {@code stopped}, and the I/O
 * that then goes ahead asserts {@code !stopped} and fails. In round-robin order the two threads alternate: the I/O
 * reads the flag before the stop sets it and counts itself in before the stop counts the initial reference out, so
 * the count never reaches zero in the stop, and it passes.
 *
 * <p>Deviation: none; {@code main}'s own call of {@code BCSP_PnpAdd} runs in the main coroutine, as in C.
 */
final class BluetoothDriver {
    private BluetoothDriver() {}

    /** The globals of one run: the {@code DEVICE_EXTENSION e} on {@code main}'s stack, and {@code stopped}. */
    private static final class State {
        final Mutex esbmcMutex = new Mutex("esbmc_mutex");
        final SharedInt pendingIo = new SharedInt("e.pendingIo", 0);
        final SharedBool stoppingFlag = new SharedBool("e.stoppingFlag", false);
        final SharedBool stoppingEvent = new SharedBool("e.stoppingEvent", false);
        final SharedBool stopped = new SharedBool("stopped", false);
    }

    /**
     * The main coroutine of a run, with fresh globals.
     *
     * @return the coroutine
     */
    static Coroutine<Void> program() {
        return Coroutine.ofVoid("main", () -> {
            State e = new State();
            Threads threads = new Threads();
            e.pendingIo.set(1);
            e.stoppingFlag.set(false);
            e.stoppingEvent.set(false);
            e.stopped.set(false);
            Task<Void> id = threads.create("BCSP_PnpStop", () -> pnpStop(e));
            pnpAdd(e);
            threads.join(id);
        });
    }

    private static int ioIncrement(State e) {
        if (e.stoppingFlag.get()) {
            return -1;
        }
        e.esbmcMutex.lock();
        e.pendingIo.set(e.pendingIo.get() + 1);
        e.esbmcMutex.unlock();
        return 0;
    }

    private static void ioDecrement(State e) {
        e.esbmcMutex.lock();
        e.pendingIo.set(e.pendingIo.get() - 1);
        int pendingIo = e.pendingIo.get();
        e.esbmcMutex.unlock();
        if (pendingIo == 0) {
            e.stoppingEvent.set(true);
        }
    }

    private static void pnpAdd(State e) {
        int status = ioIncrement(e);
        if (status == 0) {
            // do work here
            if (e.stopped.get()) {
                throw new AssertionError("bluetooth_driver: an I/O went ahead (stoppingFlag was clear when it "
                        + "checked) after the driver had stopped");
            }
        }
        ioDecrement(e);
    }

    private static void pnpStop(State e) {
        e.stoppingFlag.set(true);
        ioDecrement(e);
        if (e.stoppingEvent.get()) {
            // release allocated resource
            e.stopped.set(true);
        }
    }
}

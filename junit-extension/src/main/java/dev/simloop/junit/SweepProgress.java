package dev.simloop.junit;

import dev.simloop.RunResult;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * What a long sweep says while it runs, so a nightly of a million seeds is not a silent hour: every {@code interval}
 * of wall time, "CounterTest#losesNoUpdate: 250,000 of 1,000,000 seeds, 5,120 runs/s, 0 failed so far", as the
 * report entry {@code simloop.progress} and a log line. Wall time never enters a run; it only paces these lines.
 * Told of runs by {@link dev.simloop.Simulation#onRun}, from several sweep threads at once, hence synchronized.
 */
final class SweepProgress implements Consumer<RunResult> {

    static final Logger LOG = Logger.getLogger("dev.simloop.junit");

    private final String test;
    private final int total;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Consumer<String> publish;
    private final long start;
    private long lastReport;
    private int done;
    private int failed;

    /**
     * @param test "Class#method"
     * @param total the runs the sweep will make unless a failure stops it
     * @param interval how much wall time between two reports
     * @param nanoTime the wall clock that paces the reports ({@code System::nanoTime})
     * @param publish where a report goes besides the log (a JUnit report entry)
     */
    SweepProgress(String test, int total, Duration interval, LongSupplier nanoTime, Consumer<String> publish) {
        this.test = test;
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.publish = publish;
        this.start = nanoTime.getAsLong();
        this.lastReport = start;
    }

    @Override
    public synchronized void accept(RunResult run) {
        done++;
        if (run.failed()) {
            failed++;
        }
        long now = nanoTime.getAsLong();
        if (now - lastReport >= intervalNanos && done < total) {
            lastReport = now;
            String line = String.format(Locale.ROOT, "%s: %,d of %,d seeds, %s, %,d failed so far", test, done, total,
                    rate(done, now - start), failed);
            publish.accept(line);
            LOG.info("simloop: " + line);
        }
    }

    /** "5,120 runs/s" (one decimal below 10: "0.2 runs/s"), or "- runs/s" before any wall time has passed. */
    static String rate(int runs, long nanos) {
        if (nanos <= 0) {
            return "- runs/s";
        }
        double perSecond = runs * 1e9 / nanos;
        return String.format(Locale.ROOT, perSecond < 10 ? "%,.1f runs/s" : "%,.0f runs/s", perSecond);
    }
}

package dev.simloop;

import dev.simloop.internal.Strands;
import org.apiguardian.api.API;

/**
 * How coroutines suspend mid-method. Both give the same event order for the same program; they differ in speed and
 * in what the JVM must allow.
 *
 * <p>The default is chosen once per JVM: the {@code simloop.strand} system property ({@code continuation},
 * {@code baton} or {@code auto}); with {@code auto} (or none), {@link #CONTINUATION} when the JVM runs with
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}, else {@link #BATON}. The choice is logged once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum StrandBackend {
    /**
     * {@code jdk.internal.vm.Continuation}, what virtual threads are built on: about 100 ns a switch. Needs
     * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} on the JVM's command line.
     */
    CONTINUATION,
    /** A virtual thread per coroutine that runs only while it holds the baton: public API only, about 1 us a switch. */
    BATON;

    /** The default for this JVM, as described above. */
    public static StrandBackend defaultBackend() {
        return Default.CHOSEN;
    }

    /** Whether this backend can run in this JVM. */
    public boolean isAvailable() {
        return this == BATON || Strands.continuationAvailable();
    }

    void requireAvailable() {
        if (!isAvailable()) {
            throw new IllegalStateException("The CONTINUATION strand cannot run in this JVM ("
                    + Strands.continuationUnavailableReason() + "). Start the JVM with --add-exports "
                    + "java.base/jdk.internal.vm=ALL-UNNAMED, or choose StrandBackend.BATON.");
        }
    }

    private static final class Default {
        static final StrandBackend CHOSEN = choose();

        private static StrandBackend choose() {
            String property = System.getProperty("simloop.strand", "auto").trim();
            StrandBackend chosen = switch (property) {
                case "continuation" -> CONTINUATION;
                case "baton" -> BATON;
                case "auto", "" -> Strands.continuationAvailable() ? CONTINUATION : BATON;
                default -> throw new IllegalArgumentException("Configuration error: system property simloop.strand="
                        + property + " is not one of continuation, baton, auto.");
            };
            chosen.requireAvailable();
            System.Logger log = System.getLogger("dev.simloop");
            if (chosen == CONTINUATION) {
                log.log(System.Logger.Level.INFO, "simloop: coroutines run on the CONTINUATION strand "
                        + "(jdk.internal.vm.Continuation)");
            } else {
                log.log(System.Logger.Level.INFO, "simloop: coroutines run on the BATON strand (a virtual thread "
                        + "each)" + (Strands.continuationAvailable() ? "" : "; for about 10x faster switches start "
                        + "the JVM with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED"));
            }
            return chosen;
        }
    }
}

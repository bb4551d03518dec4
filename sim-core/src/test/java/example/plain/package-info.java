/**
 * Components written for ordinary Java, with no simloop import: they take a {@link java.time.Clock}, a
 * {@link java.util.concurrent.ScheduledExecutorService} and chain {@link java.util.concurrent.CompletableFuture}s.
 * The tests in {@code dev.simloop} run them, unchanged, on a loop's adapters.
 */
package example.plain;

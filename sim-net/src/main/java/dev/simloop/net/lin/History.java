package dev.simloop.net.lin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * A recorded history of operations on one object, as its clients saw them, in the order things happened: each client
 * {@link #invoke}s an operation and then records how it ended: {@link #ok} with an output, {@link #fail} (it certainly
 * did not take effect) or {@link #info} (unknown: it may take effect at any time after its invocation, as a timed-out
 * request may). A client has at most one operation open at a time; after {@code info} it may invoke again.
 *
 * <p>Check it with {@link Linearizability#check}. Not thread-safe: record from one thread (the loop's).
 *
 * @param <I> an operation's input
 * @param <O> an operation's output
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class History<I, O> {
    private final LongSupplier clock;
    private final List<Operation<I, O>> operations = new ArrayList<>();
    /** Each client's open operation, by client name, in the order clients first invoked. */
    private final Map<String, Integer> open = new LinkedHashMap<>();
    /** How many events were recorded: the next event's number. */
    private int events;

    private History(LongSupplier clock) {
        this.clock = clock;
    }

    /** A history whose events carry no time. */
    public static <I, O> History<I, O> create() {
        return new History<>(null);
    }

    /**
     * A history whose events also record the time {@code clock} gives (e.g. {@code loop::time}), for reports.
     *
     * @param clock nanoseconds, not null
     * @param <I> an operation's input
     * @param <O> an operation's output
     * @return the history
     */
    public static <I, O> History<I, O> timed(LongSupplier clock) {
        return new History<>(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Client {@code client} starts an operation.
     *
     * @param client the client's name, not null
     * @param input what it asks, may be null
     * @throws IllegalStateException if the client's previous operation is still open
     */
    public void invoke(String client, I input) {
        Objects.requireNonNull(client, "client");
        Integer previous = open.get(client);
        if (previous != null) {
            throw new IllegalStateException("client " + client + " invoked " + input + " while its operation "
                    + operations.get(previous).input() + " is still open: record ok, fail or info first");
        }
        open.put(client, operations.size());
        operations.add(new Operation<>(operations.size(), client, input, null, Operation.Status.OPEN, events++,
                Integer.MAX_VALUE, time(), -1));
    }

    /**
     * Client {@code client}'s open operation completed with {@code output}.
     *
     * @param client not null, with an open operation
     * @param output what it answered, may be null
     */
    public void ok(String client, O output) {
        close(client, Operation.Status.OK, output);
    }

    /**
     * Client {@code client}'s open operation certainly did not take effect (the server said no).
     *
     * @param client not null, with an open operation
     */
    public void fail(String client) {
        close(client, Operation.Status.FAIL, null);
    }

    /**
     * Client {@code client}'s open operation ended without knowing whether it took effect (a timeout).
     *
     * @param client not null, with an open operation
     */
    public void info(String client) {
        close(client, Operation.Status.INFO, null);
    }

    private void close(String client, Operation.Status status, O output) {
        Objects.requireNonNull(client, "client");
        Integer id = open.remove(client);
        if (id == null) {
            throw new IllegalStateException("client " + client + " has no open operation to end with "
                    + status.name().toLowerCase(java.util.Locale.ROOT) + ": invoke first");
        }
        Operation<I, O> op = operations.get(id);
        operations.set(id, new Operation<>(id, client, op.input(), output, status, op.invokeEvent(), events++,
                op.invokeTime(), time()));
    }

    private long time() {
        return clock == null ? -1 : clock.getAsLong();
    }

    /** The operations, in invocation order; those not ended yet are {@link Operation.Status#OPEN}. */
    public List<Operation<I, O>> operations() {
        return List.copyOf(operations);
    }

    /** How many events (invocations and endings) were recorded. */
    public int events() {
        return events;
    }

    /** Whether the events carry times. */
    boolean timed() {
        return clock != null;
    }
}

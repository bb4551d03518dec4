package dev.simloop.net.lin;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The model of a read/write/compare-and-set register: a read returns the last value written, a write answers
 * nothing, a compare-and-set answers whether it swapped. Its state is the value (never null: start with
 * {@link #startingAt}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Register implements Model<Object, Register.Op, Object> {

    /**
     * An operation on the register.
     *
     * @param kind which operation, not null
     * @param value the value to write, or the new value of a compare-and-set; null for a read
     * @param expected the value a compare-and-set expects; null otherwise
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record Op(Kind kind, Object value, Object expected) {
        /** Checks the kind. */
        public Op {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The register's operations. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Kind { READ, WRITE, CAS }

    private final Object initial;

    private Register(Object initial) {
        this.initial = initial;
    }

    /**
     * A register holding {@code initial} before any write.
     *
     * @param initial not null
     * @return the model
     */
    public static Register startingAt(Object initial) {
        return new Register(Objects.requireNonNull(initial, "initial"));
    }

    /** A read; its output is the value read. */
    public static Op read() {
        return new Op(Kind.READ, null, null);
    }

    /**
     * A write of {@code value}; its output is ignored.
     *
     * @param value not null
     * @return the operation
     */
    public static Op write(Object value) {
        return new Op(Kind.WRITE, Objects.requireNonNull(value, "value"), null);
    }

    /**
     * A compare-and-set from {@code expected} to {@code value}; its output is a {@link Boolean}.
     *
     * @param expected not null
     * @param value not null
     * @return the operation
     */
    public static Op cas(Object expected, Object value) {
        return new Op(Kind.CAS, Objects.requireNonNull(value, "value"), Objects.requireNonNull(expected, "expected"));
    }

    @Override
    public Object initial() {
        return initial;
    }

    @Override
    public Object step(Object state, Op op, Object output) {
        return switch (op.kind()) {
            case READ -> state.equals(output) ? state : null;
            case WRITE -> op.value();
            case CAS -> {
                boolean swaps = state.equals(op.expected());
                yield Boolean.valueOf(swaps).equals(output) ? (swaps ? op.value() : state) : null;
            }
        };
    }

    @Override
    public Object apply(Object state, Op op) {
        return switch (op.kind()) {
            case READ -> state;
            case WRITE -> op.value();
            case CAS -> state.equals(op.expected()) ? op.value() : state;
        };
    }

    @Override
    public String describe(Op op, Object output, boolean known) {
        String out = known ? String.valueOf(output) : "?";
        return switch (op.kind()) {
            case READ -> "read() -> " + out;
            case WRITE -> "write(" + op.value() + ")" + (known ? "" : " -> ?");
            case CAS -> "cas(" + op.expected() + ", " + op.value() + ") -> " + out;
        };
    }
}

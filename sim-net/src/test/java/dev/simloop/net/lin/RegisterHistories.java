package dev.simloop.net.lin;

import java.util.SplittableRandom;

/** Histories for tests and benchmarks. */
final class RegisterHistories {
    /** The register model, whose apply gives each operation's effect. */
    private static final Register REGISTER = Register.startingAt(0);

    private RegisterHistories() {}

    /**
     * A linearizable history of {@code ops} operations by {@code clients} clients on an atomic register: at each event
     * a random client either invokes (a read, a write of a fresh value, or a compare-and-set) or, if it has one open,
     * ends it; each operation takes effect at its ending.
     */
    static History<Register.Op, Object> atomic(int ops, int clients, SplittableRandom random) {
        History<Register.Op, Object> h = History.create();
        Register.Op[] open = new Register.Op[clients];
        Object value = 0;
        int invoked = 0;
        int pending = 0;
        while (invoked < ops || pending > 0) {
            int c = random.nextInt(clients);
            String name = "c" + c;
            if (open[c] == null && invoked < ops) {
                int kind = random.nextInt(3);
                open[c] = kind == 0 ? Register.read() : kind == 1 ? Register.write(invoked)
                        : Register.cas(random.nextInt(Math.max(1, invoked)), invoked);
                h.invoke(name, open[c]);
                invoked++;
                pending++;
            } else if (open[c] != null) {
                Register.Op op = open[c];
                // What the operation returns, then its effect through the register model itself.
                Object out = switch (op.kind()) {
                    case READ -> value;
                    case WRITE -> null;
                    case CAS -> value.equals(op.expected());
                };
                value = REGISTER.apply(value, op);
                h.ok(name, out);
                open[c] = null;
                pending--;
            }
        }
        return h;
    }

}

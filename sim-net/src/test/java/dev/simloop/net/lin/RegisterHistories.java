package dev.simloop.net.lin;

import java.util.SplittableRandom;

/** Histories for tests and benchmarks. */
final class RegisterHistories {
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
                Object out = null;
                switch (op.kind()) {
                    case READ -> out = value;
                    case WRITE -> value = op.value();
                    case CAS -> {
                        boolean swaps = value.equals(op.expected());
                        out = swaps;
                        if (swaps) {
                            value = op.value();
                        }
                    }
                }
                h.ok(name, out);
                open[c] = null;
                pending--;
            }
        }
        return h;
    }

}

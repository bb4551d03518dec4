package dev.simloop.internal;

import java.time.Duration;
import org.apiguardian.api.API;

/** Conversions between {@link Duration} and the loop's nanoseconds, and the one way times are printed. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class VirtualTimes {
    private VirtualTimes() {}

    /** Nanoseconds of {@code d}, saturating at {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} instead of failing. */
    public static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    public static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /** "0 s", "1.5 s", "0.000000001 s": seconds with as many decimals as needed, never rounded. */
    public static String format(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            return "the end of time";
        }
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        long seconds = abs / 1_000_000_000L;
        long fraction = abs % 1_000_000_000L;
        if (fraction == 0) {
            return sign + seconds + " s";
        }
        String digits = String.format("%09d", fraction);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return sign + seconds + "." + digits.substring(0, end) + " s";
    }
}

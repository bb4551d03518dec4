package dev.simloop.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measurements of one figure (JMH iteration scores, or ratios of several runs), summarised as the median with its
 * spread: the interquartile range and the extremes.
 */
record Samples(double[] values) {

    Samples {
        values = values.clone();
        Arrays.sort(values);
    }

    static Samples of(List<Double> values) {
        return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    Samples plus(Samples more) {
        double[] all = Arrays.copyOf(values, values.length + more.values.length);
        System.arraycopy(more.values, 0, all, values.length, more.values.length);
        return new Samples(all);
    }

    boolean isEmpty() {
        return values.length == 0;
    }

    double median() {
        return quantile(0.5);
    }

    /** Linear interpolation between the closest ranks, as R's default and numpy's do. */
    double quantile(double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double rank = q * (values.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, values.length - 1);
        return values[low] + (rank - low) * (values[high] - values[low]);
    }

    /** "IQR a-b, min-max c-d, n = e", each with {@code decimals} decimals. */
    String spread(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, "IQR " + f + "-" + f + ", min-max " + f + "-" + f + ", n = %d",
                quantile(0.25), quantile(0.75), values[0], values[values.length - 1], values.length);
    }
}

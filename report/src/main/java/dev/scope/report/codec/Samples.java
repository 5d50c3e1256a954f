package dev.scope.report.codec;

import dev.scope.report.Metric;
import java.util.Arrays;

/**
 * Collects a metric's samples as they are decoded. Sorting here (n log n) keeps a hostile report with
 * many unordered samples cheap; {@link Metric#of} would otherwise merge them one by one.
 */
final class Samples {
    private long[] times = new long[16];
    private double[] values = new double[16];
    private int size;
    private boolean sorted = true;

    void add(long time, double value) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        if (size > 0 && time <= times[size - 1]) sorted = false;
        times[size] = time;
        values[size++] = value;
    }

    /** The samples in time order; of samples at the same time the greater value stays, as on merge. */
    Metric toMetric(double min, double max) {
        if (size == 0) return Metric.of(new long[0], new double[0], min, max);
        if (sorted) return Metric.of(Arrays.copyOf(times, size), Arrays.copyOf(values, size), min, max);
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
        long[] t = new long[size];
        double[] v = new double[size];
        int n = 0;
        for (int i : order) {
            if (n > 0 && t[n - 1] == times[i]) {
                v[n - 1] = Math.max(v[n - 1], values[i]);
            } else {
                t[n] = times[i];
                v[n++] = values[i];
            }
        }
        return Metric.of(Arrays.copyOf(t, n), Arrays.copyOf(v, n), min, max);
    }
}

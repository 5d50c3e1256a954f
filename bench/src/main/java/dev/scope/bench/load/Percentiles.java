package dev.scope.bench.load;

import java.util.Arrays;

/** Nearest-rank percentiles of durations in nanoseconds, printed in milliseconds. */
record Percentiles(int count, double p50Millis, double p99Millis, double maxMillis) {
    static Percentiles of(long[] nanos) {
        if (nanos.length == 0) return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%3d  p50 %8.1f ms  p99 %8.1f ms", count, p50Millis, p99Millis);
    }
}

package dev.scope.report;

import java.util.Arrays;

/**
 * A short time series (the samples of the report window) with the range the UI should plot
 * it in. Samples are kept sorted by time in two parallel primitive arrays.
 */
public final class Metric {
    public static final Metric EMPTY = new Metric(new long[0], new double[0], 0, 0);

    private final long[] times;
    private final double[] values;
    private final double min;
    private final double max;

    private Metric(long[] times, double[] values, double min, double max) {
        this.times = times;
        this.values = values;
        this.min = min;
        this.max = max;
    }

    /** A metric holding one sample; its range is just that value. */
    public static Metric single(long timestamp, double value) {
        return new Metric(new long[] {timestamp}, new double[] {value}, value, value);
    }

    /** A metric with one sample plotted against a fixed range, e.g. CPU against 0..100 %. */
    public static Metric single(long timestamp, double value, double min, double max) {
        return new Metric(new long[] {timestamp}, new double[] {value}, min, max);
    }

    /**
     * A metric from samples in any order; duplicate timestamps keep the greater value.
     * {@code min}/{@code max} are taken as given, as on the wire.
     */
    public static Metric of(long[] timestamps, double[] samples, double min, double max) {
        if (timestamps.length != samples.length) throw new IllegalArgumentException("times and values differ in length");
        if (isStrictlySorted(timestamps)) return new Metric(timestamps.clone(), samples.clone(), min, max);
        Metric out = new Metric(new long[0], new double[0], min, max);
        for (int i = 0; i < timestamps.length; i++) {
            out = out.mergeSamples(new long[] {timestamps[i]}, new double[] {samples[i]});
        }
        return out;
    }

    private static boolean isStrictlySorted(long[] t) {
        for (int i = 1; i < t.length; i++) if (t[i] <= t[i - 1]) return false;
        return true;
    }

    public int size() {
        return times.length;
    }

    public long timeAt(int i) {
        return times[i];
    }

    public double valueAt(int i) {
        return values[i];
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** The newest sample's value, or NaN when there is none. */
    public double lastValue() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    public long lastTime() {
        return times.length == 0 ? 0 : times[times.length - 1];
    }

    /**
     * Union of the samples by time (as Weave Scope merges them), with the range widened to cover
     * both. An empty metric contributes nothing to one with samples, not even its range, as in Weave
     * Scope. Two empty ones widen their ranges (Weave keeps whichever came second, which would make merge
     * depend on order); {@link #EMPTY} stays the identity.
     */
    public Metric merge(Metric other) {
        if (other == this || other.isIdentity()) return this;
        if (isIdentity()) return other;
        if (times.length == 0 && other.times.length == 0) {
            return new Metric(times, values, Math.min(min, other.min), Math.max(max, other.max));
        }
        if (other.times.length == 0) return this;
        if (times.length == 0) return other;
        Metric merged = mergeSamples(other.times, other.values);
        return new Metric(merged.times, merged.values, Math.min(min, other.min), Math.max(max, other.max));
    }

    /** Equal to {@link #EMPTY}: no samples and the range 0..0. */
    private boolean isIdentity() {
        return times.length == 0 && Double.compare(min, 0) == 0 && Double.compare(max, 0) == 0;
    }

    private Metric mergeSamples(long[] ot, double[] ov) {
        long[] t = new long[times.length + ot.length];
        double[] v = new double[t.length];
        int i = 0, j = 0, n = 0;
        while (i < times.length && j < ot.length) {
            if (times[i] == ot[j]) {
                t[n] = times[i];
                v[n++] = Math.max(values[i++], ov[j++]);
            } else if (times[i] < ot[j]) {
                t[n] = times[i];
                v[n++] = values[i++];
            } else {
                t[n] = ot[j];
                v[n++] = ov[j++];
            }
        }
        while (i < times.length) { t[n] = times[i]; v[n++] = values[i++]; }
        while (j < ot.length) { t[n] = ot[j]; v[n++] = ov[j++]; }
        return new Metric(Arrays.copyOf(t, n), Arrays.copyOf(v, n), min, max);
    }

    /** The same samples without those older than {@code oldest}. */
    public Metric since(long oldest) {
        int from = 0;
        while (from < times.length && times[from] < oldest) from++;
        if (from == 0) return this;
        return new Metric(Arrays.copyOfRange(times, from, times.length), Arrays.copyOfRange(values, from, values.length), min, max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m && Arrays.equals(times, m.times) && Arrays.equals(values, m.values)
                && Double.compare(min, m.min) == 0 && Double.compare(max, m.max) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(times) + Arrays.hashCode(values)) + Double.hashCode(min) * 7 + Double.hashCode(max);
    }

    @Override
    public String toString() {
        return "Metric{samples=" + times.length + ", last=" + lastValue() + ", min=" + min + ", max=" + max + "}";
    }
}

package dev.scope.report;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;

/**
 * An immutable map from string keys to values, kept as two arrays sorted by key.
 * Node maps are small (a handful to a few dozen keys) and merged often, so sorted arrays
 * beat hash maps for both memory and merge cost (one linear pass, no hashing).
 */
public final class StringMap<V> {
    private static final StringMap<?> EMPTY = new StringMap<>(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private StringMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    public static <V> StringMap<V> empty() {
        return (StringMap<V>) EMPTY;
    }

    public static <V> StringMap<V> of(String key, V value) {
        return new StringMap<>(new String[] {key}, new Object[] {Objects.requireNonNull(value)});
    }

    /** Wraps arrays already sorted by distinct key, without copying them; only for this package. */
    static <V> StringMap<V> ofSorted(String[] sortedDistinctKeys, Object[] values) {
        return sortedDistinctKeys.length == 0 ? empty() : new StringMap<>(sortedDistinctKeys, values);
    }

    /** Copies a map; later duplicates cannot occur since map keys are unique. */
    public static <V> StringMap<V> copyOf(Map<String, ? extends V> map) {
        if (map.isEmpty()) return empty();
        TreeMap<String, V> sorted = new TreeMap<>(map);
        String[] k = new String[sorted.size()];
        Object[] v = new Object[sorted.size()];
        int i = 0;
        for (Map.Entry<String, V> e : sorted.entrySet()) {
            k[i] = Objects.requireNonNull(e.getKey(), "key");
            v[i++] = Objects.requireNonNull(e.getValue(), "value");
        }
        return new StringMap<>(k, v);
    }

    public int size() {
        return keys.length;
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    public String keyAt(int index) {
        return keys[index];
    }

    @SuppressWarnings("unchecked")
    public V valueAt(int index) {
        return (V) values[index];
    }

    @SuppressWarnings("unchecked")
    public V get(String key) {
        int at = Arrays.binarySearch(keys, key);
        return at >= 0 ? (V) values[at] : null;
    }

    public boolean containsKey(String key) {
        return Arrays.binarySearch(keys, key) >= 0;
    }

    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<String, ? super V> action) {
        for (int i = 0; i < keys.length; i++) action.accept(keys[i], (V) values[i]);
    }

    /** Returns a map with {@code key} bound to {@code value}, replacing any earlier value. */
    public StringMap<V> with(String key, V value) {
        Objects.requireNonNull(value, "value");
        int at = Arrays.binarySearch(keys, key);
        if (at >= 0) {
            if (values[at].equals(value)) return this;
            Object[] v = values.clone();
            v[at] = value;
            return new StringMap<>(keys, v);
        }
        int insert = -at - 1;
        String[] k = new String[keys.length + 1];
        Object[] v = new Object[keys.length + 1];
        System.arraycopy(keys, 0, k, 0, insert);
        System.arraycopy(values, 0, v, 0, insert);
        k[insert] = key;
        v[insert] = value;
        System.arraycopy(keys, insert, k, insert + 1, keys.length - insert);
        System.arraycopy(values, insert, v, insert + 1, keys.length - insert);
        return new StringMap<>(k, v);
    }

    /** Returns a map without {@code key}. */
    public StringMap<V> without(String key) {
        int at = Arrays.binarySearch(keys, key);
        if (at < 0) return this;
        if (keys.length == 1) return empty();
        String[] k = new String[keys.length - 1];
        Object[] v = new Object[keys.length - 1];
        System.arraycopy(keys, 0, k, 0, at);
        System.arraycopy(values, 0, v, 0, at);
        System.arraycopy(keys, at + 1, k, at, keys.length - at - 1);
        System.arraycopy(values, at + 1, v, at, keys.length - at - 1);
        return new StringMap<>(k, v);
    }

    /**
     * Union of both maps in one pass; values under the same key are combined with
     * {@code combine}. Returns an input unchanged when nothing would change.
     */
    @SuppressWarnings("unchecked")
    public StringMap<V> merge(StringMap<V> other, BinaryOperator<V> combine) {
        if (other.keys.length == 0 || other == this && keys.length == 0) return this;
        if (keys.length == 0) return other;
        String[] k = new String[keys.length + other.keys.length];
        Object[] v = new Object[k.length];
        boolean sameAsThis = true, sameAsOther = true;
        int i = 0, j = 0, n = 0;
        while (i < keys.length && j < other.keys.length) {
            int c = keys[i].compareTo(other.keys[j]);
            if (c == 0) {
                Object mine = values[i], theirs = other.values[j];
                Object merged = combine.apply((V) mine, (V) theirs);
                sameAsThis &= merged == mine;
                sameAsOther &= merged == theirs;
                k[n] = keys[i];
                v[n++] = merged;
                i++;
                j++;
            } else if (c < 0) {
                sameAsOther = false;
                k[n] = keys[i];
                v[n++] = values[i++];
            } else {
                sameAsThis = false;
                k[n] = other.keys[j];
                v[n++] = other.values[j++];
            }
        }
        if (i < keys.length) sameAsOther = false;
        if (j < other.keys.length) sameAsThis = false;
        if (sameAsThis) return this;
        if (sameAsOther) return other;
        while (i < keys.length) { k[n] = keys[i]; v[n++] = values[i++]; }
        while (j < other.keys.length) { k[n] = other.keys[j]; v[n++] = other.values[j++]; }
        return new StringMap<>(n == k.length ? k : Arrays.copyOf(k, n), n == v.length ? v : Arrays.copyOf(v, n));
    }

    /** A mutable view-free copy, for callers that want java.util maps. */
    public Map<String, V> toMap() {
        TreeMap<String, V> out = new TreeMap<>();
        forEach(out::put);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringMap<?> m && Arrays.equals(keys, m.keys) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    /**
     * Accumulates entries and sorts once at the end; the last value for a key wins. Entries go into
     * plain arrays (no tree): decoders put thousands of small maps per report, mostly already in key
     * order, which then costs one pass.
     */
    public static final class Builder<V> {
        private String[] keys = new String[8];
        private Object[] values = new Object[8];
        private int size;
        private boolean sorted = true; // strictly increasing so far

        public Builder<V> put(String key, V value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            if (sorted && size > 0 && keys[size - 1].compareTo(key) >= 0) sorted = false;
            keys[size] = key;
            values[size++] = value;
            return this;
        }

        public StringMap<V> build() {
            if (size == 0) return empty();
            if (sorted) return new StringMap<>(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
            // Sort positions by key, then by position, so the last put of a key comes last in its run.
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> {
                int c = keys[a].compareTo(keys[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            String[] k = new String[size];
            Object[] v = new Object[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                int at = order[i];
                if (n > 0 && k[n - 1].equals(keys[at])) {
                    v[n - 1] = values[at]; // a later put of the same key replaces the earlier
                } else {
                    k[n] = keys[at];
                    v[n++] = values[at];
                }
            }
            return new StringMap<>(n == size ? k : Arrays.copyOf(k, n), n == size ? v : Arrays.copyOf(v, n));
        }
    }
}

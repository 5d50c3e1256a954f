package dev.scope.report;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/** An immutable, sorted set of strings kept in one array; merge is set union. */
public final class StringSet extends AbstractList<String> implements RandomAccess {
    public static final StringSet EMPTY = new StringSet(new String[0]);

    private final String[] items;

    private StringSet(String[] sortedDistinct) {
        this.items = sortedDistinct;
    }

    public static StringSet of(String... values) {
        return values.length == 0 ? EMPTY : fromUnsorted(values.clone());
    }

    public static StringSet of(Collection<String> values) {
        return values.isEmpty() ? EMPTY : fromUnsorted(values.toArray(String[]::new));
    }

    private static StringSet fromUnsorted(String[] values) {
        Arrays.sort(values);
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) throw new NullPointerException("null in string set");
            if (n == 0 || !values[n - 1].equals(values[i])) values[n++] = values[i];
        }
        return new StringSet(n == values.length ? values : Arrays.copyOf(values, n));
    }

    @Override
    public String get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String s && Arrays.binarySearch(items, s) >= 0;
    }

    public StringSet with(String value) {
        int at = Arrays.binarySearch(items, value);
        if (at >= 0) return this;
        int insert = -at - 1;
        String[] out = new String[items.length + 1];
        System.arraycopy(items, 0, out, 0, insert);
        out[insert] = value;
        System.arraycopy(items, insert, out, insert + 1, items.length - insert);
        return new StringSet(out);
    }

    /** Union in one linear pass; returns one of the inputs when it already is the union. */
    public StringSet merge(StringSet other) {
        if (other.items.length == 0 || this == other) return this;
        if (items.length == 0) return other;
        String[] out = new String[items.length + other.items.length];
        int i = 0, j = 0, n = 0;
        while (i < items.length && j < other.items.length) {
            int c = items[i].compareTo(other.items[j]);
            if (c == 0) { out[n++] = items[i++]; j++; }
            else if (c < 0) out[n++] = items[i++];
            else out[n++] = other.items[j++];
        }
        while (i < items.length) out[n++] = items[i++];
        while (j < other.items.length) out[n++] = other.items[j++];
        if (n == items.length) return this;
        if (n == other.items.length) return other;
        return new StringSet(Arrays.copyOf(out, n));
    }
}

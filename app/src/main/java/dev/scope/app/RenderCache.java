package dev.scope.app;

import dev.scope.report.Report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers the last rendering of each (view, options) for the report instance it came from, so
 * that many browsers watching the same topology cost one render per report change, not one each.
 * Bounded: the least recently used views are forgotten.
 */
final class RenderCache {
    private record Cached(Report source, Object value) {
    }

    private final int capacity;
    private final Map<String, Cached> entries;

    RenderCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > RenderCache.this.capacity;
            }
        };
    }

    /** The cached value for {@code key} if it was computed from this very report, else a fresh one. */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Report source, Supplier<T> compute) {
        synchronized (entries) {
            Cached e = entries.get(key);
            if (e != null && e.source == source) return (T) e.value;
        }
        T value = compute.get();
        synchronized (entries) {
            entries.put(key, new Cached(source, value));
        }
        return value;
    }
}

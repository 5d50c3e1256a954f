package dev.scope.app;

import dev.scope.report.Report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Remembers the last rendering of each (view, options) for the report instance it came from, so
 * that many browsers watching the same topology cost one render per report change, not one each.
 * Concurrent requests for the same missing entry wait for a single computation. Bounded: the least
 * recently used views are forgotten.
 */
final class RenderCache {
    private record Cached(Report source, CompletableFuture<Object> value) {
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

    /** The value for {@code key} computed from this very report, computing it at most once at a time. */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Report source, Supplier<T> compute) {
        CompletableFuture<Object> future;
        Cached mine = null;
        synchronized (entries) {
            Cached e = entries.get(key);
            if (e != null && e.source == source) {
                future = e.value;
            } else {
                mine = new Cached(source, new CompletableFuture<>());
                entries.put(key, mine);
                future = mine.value;
            }
        }
        if (mine != null) {
            try {
                mine.value.complete(compute.get());
            } catch (RuntimeException | Error e) {
                mine.value.completeExceptionally(e);
                synchronized (entries) {
                    entries.remove(key, mine); // failures are not cached
                }
                throw e;
            }
        }
        try {
            return (T) future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }
}

package dev.scope.render;

import dev.scope.render.topology.RenderContext;
import dev.scope.report.Report;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers renders of the last few reports, by report identity: the app renders the same merged
 * report for every websocket tick and every client until a new report arrives. Bounded in reports
 * and in answers per report.
 */
final class RenderCache {
    // The current merged report and the one before it, plus one being replaced: renders of big
    // clusters hold every intermediate node, so keep few.
    private static final int MAX_REPORTS = 3;
    private static final int MAX_ANSWERS_PER_REPORT = 256;

    /** The renders of one report. */
    private static final class Entry {
        final Report report;
        final RenderContext context;
        final Map<String, Object> answers = new ConcurrentHashMap<>();

        Entry(Report report) {
            this.report = report;
            this.context = new RenderContext(report);
        }
    }

    private final LinkedHashMap<Integer, Entry[]> byHash = new LinkedHashMap<>(16, 0.75f, true);
    private int size;

    synchronized RenderContext context(Report report) {
        return entry(report).context;
    }

    /** The answer under {@code key} for this report, computed once. */
    <T> T answer(Report report, String key, Supplier<T> compute) {
        Entry e;
        synchronized (this) {
            e = entry(report);
        }
        @SuppressWarnings("unchecked")
        T done = (T) e.answers.get(key);
        if (done != null) return done;
        T value = compute.get();
        if (e.answers.size() >= MAX_ANSWERS_PER_REPORT) e.answers.clear();
        e.answers.put(key, value);
        return value;
    }

    private Entry entry(Report report) {
        int hash = System.identityHashCode(report);
        Entry[] bucket = byHash.get(hash);
        if (bucket != null) {
            for (Entry e : bucket) if (e.report == report) return e;
        }
        Entry created = new Entry(report);
        Entry[] grown = bucket == null ? new Entry[] {created} : append(bucket, created);
        byHash.put(hash, grown);
        size++;
        evictOldest();
        return created;
    }

    private void evictOldest() {
        Iterator<Map.Entry<Integer, Entry[]>> it = byHash.entrySet().iterator();
        while (size > MAX_REPORTS && it.hasNext()) {
            size -= it.next().getValue().length;
            it.remove();
        }
    }

    private static Entry[] append(Entry[] bucket, Entry e) {
        Entry[] out = java.util.Arrays.copyOf(bucket, bucket.length + 1);
        out[bucket.length] = e;
        return out;
    }
}

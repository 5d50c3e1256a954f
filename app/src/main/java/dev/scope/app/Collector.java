package dev.scope.app;

import dev.scope.report.Report;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Holds every probe's reports for a time window and answers their merge.
 *
 * <p>Merging is the expensive part, so it happens on read and is cached at two levels: each probe's
 * reports are merged once per change of that probe, and those per-probe merges are the leaves of a
 * {@link MergeTree}, so a read after some probes changed re-merges only the tree paths above them,
 * never unchanged inputs. Memory is bounded by a number of probes and a number of held bytes
 * (decompressed body sizes); beyond the bytes the oldest reports go first. The cache holds one merge
 * per probe plus the tree's inner merges (which share their nodes with the leaves); gauges report
 * both.
 */
final class Collector implements LiveReports {
    /** What happened to an added report. */
    enum AddResult { ACCEPTED, TOO_MANY_PROBES }

    private record Held(long receivedAt, Report report, long bytes) {
    }

    private static final class ProbeReports {
        final ArrayDeque<Held> reports = new ArrayDeque<>();
        long version;
    }

    private record Cached(long version, int leaf, Report report) {
    }

    private final long windowNanos;
    private final int maxProbes;
    private final long maxHeldBytes;
    private final LongSupplier clock;

    private final Object state = new Object();
    private final Map<String, ProbeReports> probes = new HashMap<>();
    private long heldBytes;
    private int heldReports;
    private long globalVersion;

    // Guarded by mergeLock: only one read merges at a time; others wait for its result.
    private final Object mergeLock = new Object();
    private final Map<String, Cached> perProbeMerge = new HashMap<>();
    private final MergeTree<Report> tree = new MergeTree<>(Report.empty(), Report::merge);
    private long mergedVersion = -1;
    private Report globalMerge = Report.empty();
    private volatile long[] cacheSize = {0, 0}; // [merged reports cached, node references they hold]

    private final List<Runnable> shortcutListeners = new CopyOnWriteArrayList<>();
    private final Counter accepted;
    private final Counter refused;
    private final Counter evicted;
    private final Counter merges;

    Collector(Duration window, int maxProbes, long maxHeldBytes, LongSupplier nanoClock, MeterRegistry metrics) {
        this.windowNanos = window.toNanos();
        this.maxProbes = maxProbes;
        this.maxHeldBytes = maxHeldBytes;
        this.clock = nanoClock;
        Gauge.builder("scope_app_probes", this, c -> c.snapshotCounts()[0]).description("probes with reports held").register(metrics);
        Gauge.builder("scope_app_reports_held", this, c -> c.snapshotCounts()[1]).description("reports held in the window").register(metrics);
        Gauge.builder("scope_app_report_bytes_held", this, c -> c.snapshotCounts()[2]).description("decompressed bytes of reports held").register(metrics);
        accepted = Counter.builder("scope_app_reports_received").tag("result", "accepted").register(metrics);
        refused = Counter.builder("scope_app_reports_received").tag("result", "too_many_probes").register(metrics);
        evicted = Counter.builder("scope_app_reports_evicted").description("reports dropped to stay under the byte limit").register(metrics);
        merges = Counter.builder("scope_app_report_merges").description("global merges computed (cache misses)").register(metrics);
        Gauge.builder("scope_app_merge_cache_reports", this, c -> c.cacheSize[0])
                .description("merged reports cached: one per probe plus the merge tree's inner nodes").register(metrics);
        Gauge.builder("scope_app_merge_cache_node_refs", this, c -> c.cacheSize[1])
                .description("node references held by cached merges (inner merges share node objects with the per-probe ones)").register(metrics);
    }

    /** Keeps a probe's report; {@code bytes} is its decompressed size. */
    AddResult add(String probeId, Report report, long bytes) {
        long now = clock.getAsLong();
        synchronized (state) {
            ProbeReports reports = probes.get(probeId);
            if (reports == null) {
                if (probes.size() >= maxProbes) expire(now);
                if (probes.size() >= maxProbes) {
                    refused.increment();
                    return AddResult.TOO_MANY_PROBES;
                }
                reports = new ProbeReports();
                probes.put(probeId, reports);
            }
            reports.reports.addLast(new Held(now, report, bytes));
            reports.version++;
            heldBytes += bytes;
            heldReports++;
            globalVersion++;
            evictOldestBeyondLimit();
        }
        accepted.increment();
        if (report.shortcut()) shortcutListeners.forEach(Runnable::run);
        return AddResult.ACCEPTED;
    }

    /** The merge of every report in the window; the same instance while nothing changed. */
    @Override
    public Report merged() {
        long now = clock.getAsLong();
        synchronized (mergeLock) {
            Map<String, List<Report>> changed = new HashMap<>();
            Map<String, Long> versions = new HashMap<>();
            long version;
            synchronized (state) {
                expire(now);
                version = globalVersion;
                if (version == mergedVersion) return globalMerge;
                for (var e : probes.entrySet()) {
                    versions.put(e.getKey(), e.getValue().version);
                    Cached cached = perProbeMerge.get(e.getKey());
                    if (cached == null || cached.version != e.getValue().version) {
                        changed.put(e.getKey(), e.getValue().reports.stream().map(Held::report).toList());
                    }
                }
            }
            // Merge outside the state lock so reports keep arriving meanwhile.
            var gone = perProbeMerge.entrySet().iterator();
            while (gone.hasNext()) {
                var e = gone.next();
                if (!versions.containsKey(e.getKey())) {
                    tree.release(e.getValue().leaf());
                    gone.remove();
                }
            }
            // Probes are independent: merge the changed ones in parallel.
            Map<String, Report> fresh = changed.entrySet().parallelStream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> mergeAll(e.getValue())));
            fresh.forEach((id, report) -> {
                Cached old = perProbeMerge.get(id);
                int leaf = old != null ? old.leaf() : tree.allocate();
                tree.set(leaf, report);
                perProbeMerge.put(id, new Cached(versions.get(id), leaf, report));
            });
            globalMerge = tree.root();
            mergedVersion = version;
            merges.increment();
            long[] size = {0, 0};
            tree.forEachHeld(r -> {
                size[0]++;
                size[1] += r.nodeCount();
            });
            cacheSize = size;
            return globalMerge;
        }
    }

    /** True while any report is held. */
    @Override
    public boolean hasReports() {
        synchronized (state) {
            expire(clock.getAsLong());
            return heldReports > 0;
        }
    }

    /** Runs {@code listener} (on the adding thread) whenever a shortcut report arrives. */
    @Override
    public void onShortcut(Runnable listener) {
        shortcutListeners.add(listener);
    }

    @Override
    public void removeShortcutListener(Runnable listener) {
        shortcutListeners.remove(listener);
    }

    /** [probes, reports, bytes] */
    long[] snapshotCounts() {
        synchronized (state) {
            return new long[]{probes.size(), heldReports, heldBytes};
        }
    }

    /** A balanced merge: the same result as a left fold (merge is associative), with fewer copies. */
    private static Report mergeAll(List<Report> reports) {
        if (reports.isEmpty()) return Report.empty();
        if (reports.size() == 1) return reports.getFirst();
        int half = reports.size() / 2;
        return mergeAll(reports.subList(0, half)).merge(mergeAll(reports.subList(half, reports.size())));
    }

    private void expire(long now) {
        Iterator<Map.Entry<String, ProbeReports>> it = probes.entrySet().iterator();
        while (it.hasNext()) {
            ProbeReports p = it.next().getValue();
            boolean dropped = false;
            while (!p.reports.isEmpty() && now - p.reports.peekFirst().receivedAt() > windowNanos) {
                forget(p.reports.removeFirst());
                dropped = true;
            }
            if (dropped) {
                p.version++;
                globalVersion++;
            }
            if (p.reports.isEmpty()) it.remove();
        }
    }

    private void evictOldestBeyondLimit() {
        while (heldBytes > maxHeldBytes && heldReports > 1) {
            ProbeReports oldest = null;
            for (ProbeReports p : probes.values()) {
                if (!p.reports.isEmpty() && (oldest == null || p.reports.peekFirst().receivedAt() < oldest.reports.peekFirst().receivedAt())) {
                    oldest = p;
                }
            }
            if (oldest == null) return;
            forget(oldest.reports.removeFirst());
            oldest.version++;
            globalVersion++;
            evicted.increment();
        }
        probes.values().removeIf(p -> p.reports.isEmpty());
    }

    private void forget(Held h) {
        heldBytes -= h.bytes();
        heldReports--;
    }

    /** Probe ids currently held, for tests and diagnostics. */
    List<String> probeIds() {
        synchronized (state) {
            return new ArrayList<>(probes.keySet());
        }
    }
}

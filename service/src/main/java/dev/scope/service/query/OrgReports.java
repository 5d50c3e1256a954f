package dev.scope.service.query;

import dev.scope.app.LiveReports;
import dev.scope.app.MergeTree;
import dev.scope.app.PastReports;
import dev.scope.report.Report;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * One organisation's reports of the last window, decoded once each and merged once per change. A NOTIFY for the
 * organisation marks the merge stale; without one it is still re-checked after {@code maxStaleness} so that
 * reports leaving the window leave the merge. {@link #merged()} returns the same instance while nothing changed,
 * which is what the render caches key on.
 */
final class OrgReports implements LiveReports, PastReports {
    private final String orgId;
    private final StoredReports store;
    private final Duration window;
    private final long maxStalenessNanos;
    private final LongSupplier nanoClock;
    private final List<Runnable> shortcutListeners = new CopyOnWriteArrayList<>();

    private final Map<Long, StoredReports.Row> held = new TreeMap<>();
    // Each probe's reports merged once per change of that probe, as a leaf of a balanced tree of merges: a new
    // report re-merges its probe's few reports and the tree's path above that probe (as the standalone app's
    // collector does), not every probe of the organisation.
    private final Map<String, Integer> leafOfProbe = new HashMap<>();
    private final MergeTree<Report> tree = new MergeTree<>(Report.empty(), Report::merge);
    private Report merged = Report.empty();
    private boolean stale = true;
    private long checkedAt;
    private volatile long lastUsed;

    OrgReports(String orgId, StoredReports store, Duration window, Duration maxStaleness, LongSupplier nanoClock) {
        this.orgId = orgId;
        this.store = store;
        this.window = window;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.nanoClock = nanoClock;
        this.lastUsed = nanoClock.getAsLong();
    }

    /** A NOTIFY arrived: new reports are committed. */
    void changed(boolean shortcut) {
        synchronized (this) {
            stale = true;
        }
        if (shortcut) shortcutListeners.forEach(Runnable::run);
    }

    /** [probes, reports] in the window as last read (for metrics; does not read the database). */
    synchronized int[] counts() {
        return new int[]{leafOfProbe.size(), held.size()};
    }

    long lastUsed() {
        return lastUsed;
    }

    /** Blocking (reads the database when stale): call off the event loop. */
    @Override
    public synchronized Report merged() {
        long now = nanoClock.getAsLong();
        lastUsed = now;
        if (!stale && now - checkedAt < maxStalenessNanos) return merged;
        stale = false; // a NOTIFY arriving while we read marks it again
        checkedAt = now;
        StoredReports.Fresh fresh;
        try {
            fresh = store.recent(orgId, window, held.keySet());
        } catch (SQLException e) {
            stale = true;
            throw new IllegalStateException("cannot read reports: " + e.getMessage(), e);
        }
        Instant cutoff = fresh.dbNow().minus(window);
        Set<String> changed = new HashSet<>();
        held.values().removeIf(r -> {
            boolean expired = !r.receivedAt().isAfter(cutoff);
            if (expired) changed.add(r.probeId());
            return expired;
        });
        for (StoredReports.Row r : fresh.rows()) {
            held.put(r.id(), r);
            changed.add(r.probeId());
        }
        if (changed.isEmpty()) return merged;
        Map<String, Report> remerged = new HashMap<>();
        for (StoredReports.Row r : held.values()) {
            if (changed.contains(r.probeId())) remerged.merge(r.probeId(), r.report(), Report::merge);
        }
        for (String probe : changed) {
            Report report = remerged.get(probe);
            Integer leaf = leafOfProbe.get(probe);
            if (report == null) {
                if (leaf != null) tree.release(leafOfProbe.remove(probe));
            } else {
                if (leaf == null) leafOfProbe.put(probe, leaf = tree.allocate());
                tree.set(leaf, report);
            }
        }
        merged = tree.root();
        return merged;
    }

    @Override
    public synchronized boolean hasReports() {
        merged();
        return !held.isEmpty();
    }

    @Override
    public void onShortcut(Runnable listener) {
        shortcutListeners.add(listener);
    }

    @Override
    public void removeShortcutListener(Runnable listener) {
        shortcutListeners.remove(listener);
    }

    @Override
    public Report at(long unixNanos) {
        lastUsed = nanoClock.getAsLong();
        try {
            return store.between(orgId, Instant.ofEpochSecond(0, unixNanos), window);
        } catch (SQLException e) {
            throw new UncheckedIOException(new java.io.IOException("cannot read past reports: " + e.getMessage(), e));
        }
    }

    boolean watched() {
        return !shortcutListeners.isEmpty();
    }
}

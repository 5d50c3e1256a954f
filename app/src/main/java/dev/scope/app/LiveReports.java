package dev.scope.app;

import dev.scope.report.Report;

/**
 * Where the read API gets the reports of "now": the app's in-memory {@link Collector}, or (in the hosted
 * service) one organisation's recent reports from the database.
 */
public interface LiveReports {
    /** The merge of every report in the window; the same instance while nothing changed (render caches rely on it). */
    Report merged();

    /** True while any report is in the window. */
    boolean hasReports();

    /** Runs {@code listener} (on any thread) when viewers should re-render at once, e.g. on a shortcut report. */
    void onShortcut(Runnable listener);

    void removeShortcutListener(Runnable listener);
}

package dev.scope.probe;

import dev.scope.report.Report;

/** Publishes a small report at once, e.g. when a container stops, without waiting for the next cycle. */
@FunctionalInterface
public interface ShortcutSink {
    void publish(Report shortcut);
}

package dev.scope.probe;

import dev.scope.report.Report;

/**
 * Decorates what the reporters found, after they are merged: e.g. adds a process's container
 * as its parent, or the host id to every node.
 */
public interface Tagger {
    String name();

    Report tag(Report report) throws Exception;
}

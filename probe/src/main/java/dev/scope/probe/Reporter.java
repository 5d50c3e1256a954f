package dev.scope.probe;

import dev.scope.report.Report;

/**
 * One source of facts about this host (processes, endpoints, Docker, ...). Each spy cycle the
 * probe asks every reporter for its part of the report and merges the parts.
 */
public interface Reporter {
    /** Short name for logs and metrics, e.g. {@code process}. */
    String name();

    /** This source's part of the next report. Throwing skips this source for one cycle only. */
    Report report() throws Exception;
}

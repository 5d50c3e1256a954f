package dev.scope.render.detail;

import dev.scope.report.Report;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;

/** Looks up a report topology by the name nodes carry (e.g. {@code container_image}). */
final class ReportTopologies {
    private ReportTopologies() {
    }

    /** The topology, or null for pseudo, group and unknown names. */
    static Topology byName(Report report, String name) {
        TopologyId id = TopologyId.byName(name);
        return id == null ? null : report.topology(id);
    }
}

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
        TopologyId id = BY_NAME.get(name);
        return id == null ? null : report.topology(id);
    }

    // A plain HashMap: rendering looks topologies up for every node, and TopologyId's own map is slower.
    private static final java.util.HashMap<String, TopologyId> BY_NAME = new java.util.HashMap<>();

    static {
        for (TopologyId t : TopologyId.all()) BY_NAME.put(t.name, t);
    }
}

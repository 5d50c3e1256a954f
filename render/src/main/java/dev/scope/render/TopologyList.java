package dev.scope.render;

import java.util.List;

/** The answer of {@code GET /api/topology}: top-level topologies sorted by name, each with its sub-topologies. */
public record TopologyList(List<TopologyDesc> topologies) {
    public TopologyList {
        topologies = List.copyOf(topologies);
    }

    /**
     * One entry of the list. {@code options} is null when the topology has none (Weave writes {@code null}).
     *
     * @param url e.g. {@code /api/topology/containers}
     */
    public record TopologyDesc(String name, int rank, boolean hideIfEmpty, List<OptionGroup> options, String url,
                               List<TopologyDesc> subTopologies, TopologyStats stats) {
        public TopologyDesc {
            options = options == null ? null : List.copyOf(options);
            subTopologies = List.copyOf(subTopologies);
        }
    }

    /** A query parameter the UI offers, e.g. {@code stopped=running}. Empty strings are left out of the JSON. */
    public record OptionGroup(String id, String defaultValue, List<Option> options, String selectType, String noneLabel) {
        public OptionGroup {
            options = List.copyOf(options);
        }
    }

    public record Option(String value, String label) {
    }

    public record TopologyStats(int nodeCount, int nonpseudoNodeCount, int edgeCount, int filteredNodes) {
    }
}

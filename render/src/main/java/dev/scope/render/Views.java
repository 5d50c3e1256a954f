package dev.scope.render;

import dev.scope.report.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The app's entry point to rendering: pure functions from a merged report to the JSON views of
 * Weave Scope 1.13's API. Thread-safe.
 */
public final class Views {
    public Views() {
    }

    /** {@code GET /api/topology}. */
    public TopologyList topologyList(Report merged, Map<String, String> query) {
        return new TopologyList(List.of());
    }

    /** {@code GET /api/topology/{t}}. */
    public RenderedTopology topology(Report merged, String topologyUrlId, Map<String, String> query)
            throws UnknownTopologyException {
        return new RenderedTopology(new TreeMap<>());
    }

    /** {@code GET /api/topology/{t}/{id}}; empty when the node is not in the topology (404). */
    public Optional<NodeDetails> node(Report merged, String topologyUrlId, String nodeId, Map<String, String> query)
            throws UnknownTopologyException {
        return Optional.empty();
    }

    /** The websocket message taking {@code previousOrNull} (null on the first message) to {@code next}. */
    public TopologyDiff diff(RenderedTopology previousOrNull, RenderedTopology next) {
        Map<String, NodeSummary> before = previousOrNull == null ? Map.of() : previousOrNull.nodes();
        List<NodeSummary> add = new ArrayList<>();
        List<NodeSummary> update = new ArrayList<>();
        for (NodeSummary node : next.nodes().values()) {
            NodeSummary old = before.get(node.id());
            if (old == null) add.add(node);
            else if (!old.equals(node)) update.add(node);
        }
        List<String> remove = new ArrayList<>();
        for (String id : before.keySet()) if (!next.nodes().containsKey(id)) remove.add(id);
        return new TopologyDiff(add, update, remove, previousOrNull == null);
    }
}

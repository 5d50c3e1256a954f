package dev.scope.render.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * The result of one render step: nodes by id, and how many nodes filters dropped on the way
 * (Weave's {@code filtered_nodes} statistic). The map is never changed after construction.
 */
public record Nodes(Map<String, RNode> nodes, int filtered) {
    public static final Nodes EMPTY = new Nodes(Map.of(), 0);

    public static Nodes of(Map<String, RNode> nodes) {
        return new Nodes(nodes, 0);
    }

    public RNode get(String id) {
        return nodes.get(id);
    }

    public int size() {
        return nodes.size();
    }

    /** Union of two results; nodes with the same id merge. */
    public Nodes merge(Nodes other) {
        if (other.nodes.isEmpty()) return new Nodes(nodes, filtered + other.filtered);
        if (nodes.isEmpty()) return new Nodes(other.nodes, filtered + other.filtered);
        Map<String, RNode> out = new HashMap<>((nodes.size() + other.nodes.size()) * 2);
        out.putAll(nodes);
        other.nodes.forEach((id, n) -> out.merge(id, n, RNode::merge));
        return new Nodes(out, filtered + other.filtered);
    }
}

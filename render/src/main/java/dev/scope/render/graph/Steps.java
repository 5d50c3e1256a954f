package dev.scope.render.graph;

import dev.scope.report.Latest;
import dev.scope.report.StringSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The generic render steps Weave composes its topologies from: map, filter, colour connected nodes. */
public final class Steps {
    private Steps() {
    }

    /** Maps every node to at most one output node (null drops it); outputs with the same id merge; edges follow. */
    public static Nodes map(Nodes input, Function<RNode, RNode> f) {
        Join out = new Join();
        for (RNode n : input.nodes().values()) {
            RNode mapped = f.apply(n);
            if (mapped != null && !mapped.id().isEmpty()) out.add(n.id(), mapped);
        }
        return out.result(input);
    }

    /** Replaces each node by {@code f(node)} (same id), keeping edges and the filtered count. */
    public static Nodes mapValues(Nodes input, java.util.function.UnaryOperator<RNode> f) {
        Map<String, RNode> out = new HashMap<>(input.nodes().size() * 2);
        input.nodes().forEach((id, n) -> out.put(id, f.apply(n)));
        return new Nodes(out, input.filtered());
    }

    /** Keeps nodes matching {@code keep}, cutting edges to dropped nodes and counting the dropped (Go's FilterFunc.Apply). */
    public static Nodes filter(Nodes input, Predicate<RNode> keep) {
        Map<String, RNode> kept = new HashMap<>(input.nodes().size() * 2);
        int dropped = 0;
        for (RNode n : input.nodes().values()) {
            if (keep.test(n)) kept.put(n.id(), n);
            else dropped++;
        }
        if (dropped == 0) return new Nodes(input.nodes(), input.filtered());
        for (Map.Entry<String, RNode> e : kept.entrySet()) {
            RNode n = e.getValue();
            if (n.adjacency().isEmpty()) continue;
            List<String> adj = null;
            for (String a : n.adjacency()) {
                if (!kept.containsKey(a)) {
                    if (adj == null) adj = new ArrayList<>(n.adjacency());
                    adj.remove(a);
                }
            }
            if (adj != null) e.setValue(n.withAdjacency(StringSet.of(adj)));
        }
        return new Nodes(kept, input.filtered() + dropped);
    }

    /** Weave's MakeFilter: pseudo nodes always pass. */
    public static Nodes filterReal(Nodes input, Predicate<RNode> keep) {
        return filter(input, n -> n.isPseudo() || keep.test(n));
    }

    /** Ids of nodes with an edge to or from another node (self-edges do not count). */
    public static Set<String> connected(Map<String, RNode> nodes) {
        Set<String> out = new HashSet<>();
        for (RNode n : nodes.values()) {
            for (String a : n.adjacency()) {
                if (!a.equals(n.id())) {
                    out.add(n.id());
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** Marks connected nodes with the {@code is_connected} latest key (Weave's ColorConnected). */
    public static Nodes colorConnected(Nodes input) {
        Set<String> connected = connected(input.nodes());
        if (connected.isEmpty()) return input;
        Map<String, RNode> out = new HashMap<>(input.nodes());
        Latest mark = new Latest("true", 0);
        for (String id : connected) {
            RNode n = out.get(id);
            if (n != null) out.put(id, n.withLatest(Keys.IS_CONNECTED, mark));
        }
        return new Nodes(out, input.filtered());
    }

    /** Drops pseudo nodes that have no edge to or from another node (Weave's FilterUnconnectedPseudo). */
    public static Nodes filterUnconnectedPseudo(Nodes input) {
        Set<String> connected = connected(input.nodes());
        return filter(input, n -> !n.isPseudo() || connected.contains(n.id()));
    }

    /** Drops nodes with no children of {@code topology} (Weave's FilterEmpty), pseudo nodes excepted. */
    public static Nodes filterEmpty(Nodes input, String topology) {
        return filterReal(input, n -> {
            for (RNode c : n.children().values()) if (c.topology().equals(topology)) return true;
            return false;
        });
    }
}

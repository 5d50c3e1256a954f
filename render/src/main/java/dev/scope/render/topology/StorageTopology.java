package dev.scope.render.topology;

import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.report.StringSet;
import dev.scope.report.TopologyId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Storage nodes shown in the pods view: persistent volumes, claims, storage classes and snapshots,
 * with edges pod → claim → volume, claim → storage class, claim → snapshot → snapshot data, all
 * matched by name (and namespace where names are namespaced).
 */
final class StorageTopology {
    private StorageTopology() {
    }

    static Nodes volumes(RenderContext ctx) {
        Map<String, RNode> out = new HashMap<>();
        for (TopologyId t : List.of(TopologyId.PERSISTENT_VOLUME, TopologyId.PERSISTENT_VOLUME_CLAIM,
                TopologyId.STORAGE_CLASS, TopologyId.VOLUME_SNAPSHOT, TopologyId.VOLUME_SNAPSHOT_DATA)) {
            out.putAll(ctx.select(t).nodes());
        }
        if (out.isEmpty()) return Nodes.EMPTY;
        Map<String, String> claims = byName(ctx.select(TopologyId.PERSISTENT_VOLUME_CLAIM), true);
        Map<String, String> volumes = byName(ctx.select(TopologyId.PERSISTENT_VOLUME), false);
        Map<String, String> classes = byName(ctx.select(TopologyId.STORAGE_CLASS), false);
        Map<String, String> snapshotData = byName(ctx.select(TopologyId.VOLUME_SNAPSHOT_DATA), false);
        for (RNode pod : ctx.select(TopologyId.POD).nodes().values()) {
            String names = pod.latestValue(Keys.K8S_VOLUME_CLAIM);
            if (names == null) continue;
            List<String> targets = new ArrayList<>();
            for (String name : names.split(",")) {
                String claim = claims.get(pod.latestValue(Keys.K8S_NAMESPACE) + "/" + name.trim());
                if (claim != null) targets.add(claim);
            }
            if (!targets.isEmpty()) out.merge(pod.id(), pod.withAdjacency(StringSet.of(targets)), RNode::merge);
        }
        for (RNode claim : ctx.select(TopologyId.PERSISTENT_VOLUME_CLAIM).nodes().values()) {
            addEdge(out, claim, volumes.get(claim.latestValue(Keys.K8S_VOLUME_NAME)));
            addEdge(out, claim, classes.get(claim.latestValue(Keys.K8S_STORAGE_CLASS_NAME)));
        }
        for (RNode snapshot : ctx.select(TopologyId.VOLUME_SNAPSHOT).nodes().values()) {
            String claim = claims.get(snapshot.latestValue(Keys.K8S_NAMESPACE) + "/" + snapshot.latestValue(Keys.K8S_VOLUME_CLAIM));
            if (claim != null) addEdge(out, out.get(claim), snapshot.id());
            addEdge(out, snapshot, snapshotData.get(snapshot.latestValue(Keys.K8S_SNAPSHOT_DATA)));
        }
        return Nodes.of(out);
    }

    private static void addEdge(Map<String, RNode> out, RNode from, String to) {
        if (from == null || to == null) return;
        RNode current = out.getOrDefault(from.id(), from);
        out.put(from.id(), current.withAdjacency(current.adjacency().with(to)));
    }

    private static Map<String, String> byName(Nodes nodes, boolean namespaced) {
        Map<String, String> out = new HashMap<>();
        for (RNode n : nodes.nodes().values()) {
            String name = n.latestValue(Keys.K8S_NAME);
            if (name == null) continue;
            out.put(namespaced ? n.latestValue(Keys.K8S_NAMESPACE) + "/" + name : name, n.id());
        }
        return out;
    }
}

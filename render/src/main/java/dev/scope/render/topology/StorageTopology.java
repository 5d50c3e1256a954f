package dev.scope.render.topology;

import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.report.TopologyId;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Storage nodes shown in the pods view (Weave's KubernetesVolumesRenderer): claims, volumes, storage
 * classes and snapshots, with edges pod → claim (same namespace), storage class → claim,
 * claim → volume, claim → snapshot and snapshot → snapshot data, matched by name. Each edge's target
 * is also a child of its source.
 */
final class StorageTopology {
    private StorageTopology() {
    }

    static Nodes volumes(RenderContext ctx) {
        Map<String, RNode> out = new HashMap<>();
        Nodes claims = ctx.select(TopologyId.PERSISTENT_VOLUME_CLAIM);
        Nodes volumes = ctx.select(TopologyId.PERSISTENT_VOLUME);
        Nodes classes = ctx.select(TopologyId.STORAGE_CLASS);
        Nodes snapshots = ctx.select(TopologyId.VOLUME_SNAPSHOT);
        Nodes snapshotData = ctx.select(TopologyId.VOLUME_SNAPSHOT_DATA);
        for (RNode claim : claims.nodes().values()) {
            out.merge(claim.id(), claim, RNode::merge);
            for (RNode volume : volumes.nodes().values()) {
                if (Objects.equals(claim.latestValue(Keys.K8S_VOLUME_NAME), volume.latestValue(Keys.K8S_NAME))) {
                    link(out, claim, volume);
                }
            }
        }
        for (RNode pod : ctx.select(TopologyId.POD).nodes().values()) {
            String names = pod.latestValue(Keys.K8S_VOLUME_CLAIM);
            if (names == null) continue;
            for (String name : names.split(";")) {
                for (RNode claim : claims.nodes().values()) {
                    if (name.equals(claim.latestValue(Keys.K8S_NAME))
                            && Objects.equals(pod.latestValue(Keys.K8S_NAMESPACE), claim.latestValue(Keys.K8S_NAMESPACE))) {
                        link(out, pod, claim);
                        break;
                    }
                }
            }
        }
        for (RNode storageClass : classes.nodes().values()) {
            out.merge(storageClass.id(), storageClass, RNode::merge);
            for (RNode claim : claims.nodes().values()) {
                if (Objects.equals(claim.latestValue(Keys.K8S_STORAGE_CLASS_NAME), storageClass.latestValue(Keys.K8S_NAME))) {
                    link(out, storageClass, claim);
                }
            }
        }
        for (RNode snapshot : snapshots.nodes().values()) {
            out.merge(snapshot.id(), snapshot, RNode::merge);
            for (RNode claim : claims.nodes().values()) {
                if (Objects.equals(snapshot.latestValue(Keys.K8S_VOLUME_CLAIM), claim.latestValue(Keys.K8S_NAME))) {
                    link(out, claim, snapshot);
                }
            }
            for (RNode data : snapshotData.nodes().values()) {
                if (Objects.equals(snapshot.latestValue(Keys.K8S_SNAPSHOT_DATA), data.latestValue(Keys.K8S_NAME))) {
                    link(out, snapshot, data);
                }
            }
        }
        for (RNode volume : volumes.nodes().values()) out.merge(volume.id(), volume, RNode::merge);
        for (RNode data : snapshotData.nodes().values()) out.merge(data.id(), data, RNode::merge);
        return out.isEmpty() ? Nodes.EMPTY : Nodes.of(out);
    }

    /** An edge from {@code from} to {@code to}, which also becomes a child of {@code from}. */
    private static void link(Map<String, RNode> out, RNode from, RNode to) {
        RNode current = out.getOrDefault(from.id(), from);
        Map<String, RNode> children = new HashMap<>(current.children());
        children.put(to.id(), to);
        out.put(from.id(), current.withAdjacency(current.adjacency().with(to.id())).withChildren(Map.copyOf(children)));
    }
}

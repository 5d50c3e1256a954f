package dev.scope.render.detail;

import dev.scope.render.NodeSummary.Parent;
import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.RNode;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Links from a node to its parents (host, container, image, pod...), in Weave's order: by topology name. */
final class ParentLinks {
    /** Report topology name → (API topology, label of a parent node). Sorted by topology name. */
    private static final Map<String, Map.Entry<String, Function<Node, String>>> PARENTS = new TreeMap<>(Map.ofEntries(
            entry("container", "containers", n -> Summaries.containerName(RNode.from(n))),
            entry("container_image", "containers-by-image", ParentLinks::imageLabel),
            entry("pod", "pods", latest(Keys.K8S_NAME)),
            entry("deployment", "kube-controllers", latest(Keys.K8S_NAME)),
            entry("daemon_set", "kube-controllers", latest(Keys.K8S_NAME)),
            entry("stateful_set", "kube-controllers", latest(Keys.K8S_NAME)),
            entry("cron_job", "kube-controllers", latest(Keys.K8S_NAME)),
            entry("service", "services", latest(Keys.K8S_NAME)),
            entry("ecs_task", "ecs-tasks", latest(Keys.ECS_TASK_FAMILY)),
            entry("ecs_service", "ecs-services", n -> Summaries.ecsServiceName(n.id())),
            entry("swarm_service", "swarm-services", latest(Keys.SERVICE_NAME)),
            entry("host", "hosts", latest(Keys.HOST_NAME))));

    /** The report topology of each parent kind, looked up once. */
    private static final Map<String, TopologyId> TOPOLOGIES = new java.util.HashMap<>();

    static {
        for (String name : PARENTS.keySet()) TOPOLOGIES.put(name, TopologyId.byName(name));
    }

    private ParentLinks() {
    }

    private static Map.Entry<String, Map.Entry<String, Function<Node, String>>> entry(
            String topology, String apiTopology, Function<Node, String> label) {
        return Map.entry(topology, Map.entry(apiTopology, label));
    }

    private static Function<Node, String> latest(String key) {
        return n -> {
            String v = n.latestValue(key);
            return v == null ? "" : v;
        };
    }

    /** An image parent is labelled with the image's name when the report has it, else with the id. */
    private static String imageLabel(Node n) {
        String name = n.latestValue(Keys.IMAGE_NAME);
        if (name != null) return Ids.imageNameWithoutVersion(name);
        String id = Ids.untagged(n.id());
        return id == null ? "" : id;
    }

    static List<Parent> of(Report report, RNode n) {
        if (n.parents().isEmpty()) return List.of();
        List<Parent> out = new ArrayList<>();
        // Parents are kept sorted by topology name, the order Weave lists them in.
        for (int i = 0; i < n.parents().size(); i++) {
            String topologyName = n.parents().keyAt(i);
            Map.Entry<String, Function<Node, String>> spec = PARENTS.get(topologyName);
            if (spec == null) continue;
            Topology topology = report.topology(TOPOLOGIES.get(topologyName));
            for (String id : n.parents().valueAt(i)) {
                if (topologyName.equals(n.topology()) && id.equals(n.id())) continue;
                Node parent = topology.nodes().get(id);
                if (parent == null) {
                    // Weave links image parents even when the report lacks the image node.
                    if (!topologyName.equals("container_image")) continue;
                    parent = Node.of(id, topologyName);
                }
                out.add(new Parent(id, spec.getValue().apply(parent), spec.getKey()));
            }
        }
        return out;
    }
}

package dev.scope.render.detail;

import dev.scope.render.NodeDetails;
import dev.scope.render.NodeDetails.ChildGroup;
import dev.scope.render.NodeDetails.ControlInstance;
import dev.scope.render.NodeDetails.GroupColumn;
import dev.scope.render.NodeSummary;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.RNode;
import dev.scope.report.Control;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A node's full details: summary with samples, active controls, children by topology, connections. */
public final class NodeDetailsBuilder {
    private record GroupSpec(String topology, String label, String apiTopology, List<GroupColumn> columns) {
    }

    /** Child groups in the order Weave shows them. */
    private static final List<GroupSpec> GROUPS = List.of(
            new GroupSpec("pod", "Pods", "pods", List.of(
                    new GroupColumn(Keys.K8S_STATE, "State", false, ""),
                    new GroupColumn("container", "# Containers", false, "number"),
                    new GroupColumn(Keys.K8S_IP, "IP", false, "ip"))),
            new GroupSpec("ecs_task", "Tasks", "ecs-tasks", List.of(
                    new GroupColumn("ecs_task_created_at", "Created At", false, "datetime"))),
            new GroupSpec("container", "Containers", "containers", List.of(
                    new GroupColumn("docker_cpu_total_usage", "CPU", false, "number"),
                    new GroupColumn("docker_memory_usage", "Memory", false, "number"))),
            new GroupSpec("process", "Processes", "processes", List.of(
                    new GroupColumn("pid", "PID", false, "number"),
                    new GroupColumn("process_cpu_usage_percent", "CPU", false, "number"),
                    new GroupColumn("process_memory_usage_bytes", "Memory", false, "number"))),
            new GroupSpec("container_image", "Container images", "containers-by-image", List.of()),
            new GroupSpec("persistent_volume", "Persistent Volumes", "pods", List.of()),
            new GroupSpec("persistent_volume_claim", "Persistent Volume Claims", "pods", List.of()),
            new GroupSpec("storage_class", "Storage Classes", "pods", List.of()),
            new GroupSpec("volume_snapshot", "Volume Snapshots", "pods", List.of()),
            new GroupSpec("volume_snapshot_data", "Volume Snapshot Data", "pods", List.of()));

    private NodeDetailsBuilder() {
    }

    /**
     * @param nodes the topology's rendered (filtered) nodes, for connection tables
     * @return null for a node that is not shown (e.g. one whose topology field names no topology)
     */
    public static NodeDetails build(String topologyUrlId, Report report, RNode n, Map<String, RNode> nodes) {
        NodeSummary summary = Summaries.summarize(report, n, true);
        if (summary == null) return null;
        return new NodeDetails(summary, controls(report, n), children(report, n),
                ConnectionTables.of(topologyUrlId, report, n, nodes));
    }

    /** Controls of the report node with this id that its probe says are active now. */
    static List<ControlInstance> controls(Report report, RNode n) {
        Topology t = ReportTopologies.byName(report, n.topology());
        if (t == null) return List.of();
        Node node = t.nodes().get(n.id());
        if (node == null) return List.of();
        String probeId = node.latestValue(Keys.CONTROL_PROBE_ID);
        String active = node.latestValue(Keys.ACTIVE_CONTROLS);
        if (probeId == null || active == null || active.isEmpty()) return List.of();
        List<ControlInstance> out = new ArrayList<>();
        for (String controlId : active.split(";")) {
            Control c = t.controls().get(controlId);
            if (c != null) out.add(new ControlInstance(probeId, n.id(), c.id(), c.human(), c.icon(), c.confirmation(), c.rank()));
        }
        return out;
    }

    static List<ChildGroup> children(Report report, RNode n) {
        Map<String, List<NodeSummary>> byTopology = new HashMap<>();
        for (RNode child : n.children().values()) {
            if (child.id().equals(n.id())) continue;
            NodeSummary s = Summaries.summarize(report, child, false);
            if (s != null) byTopology.computeIfAbsent(child.topology(), k -> new ArrayList<>()).add(s);
        }
        List<ChildGroup> out = new ArrayList<>();
        for (GroupSpec spec : GROUPS) {
            List<NodeSummary> summaries = byTopology.get(spec.topology);
            if (summaries == null || summaries.isEmpty()) continue;
            summaries.sort(Comparator.comparing(NodeSummary::id));
            out.add(new ChildGroup("", spec.label, summaries, spec.apiTopology, spec.columns));
        }
        return out;
    }
}

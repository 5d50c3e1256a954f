package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.probe.GoTimes;
import dev.scope.probe.Tagger;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Joins containers to their pods and offers cordon controls on this host, after the reporters' parts are merged.
 * A container started by the kubelet carries its pod's uid as the Docker label {@code io.kubernetes.pod.uid}; the
 * pod becomes its parent, so the render's pods view groups containers under pods (Weave Scope's Kubernetes tagger).
 * Pause (sandbox) containers make no connections of their own and are marked so. The host node gets cordon or
 * uncordon added to its active controls, depending on whether this node is schedulable now.
 */
final class KubernetesTagger implements Tagger {
    private final String hostNodeId;
    private final Supplier<io.fabric8.kubernetes.api.model.Node> thisNode;
    private final boolean controls;

    /**
     * @param thisNode this host's Kubernetes node, or null while unknown (then no cordon control is offered)
     * @param controls false when the probe is read-only
     */
    KubernetesTagger(String hostNodeId, Supplier<io.fabric8.kubernetes.api.model.Node> thisNode, boolean controls) {
        this.hostNodeId = hostNodeId;
        this.thisNode = thisNode;
        this.controls = controls;
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public Report tag(Report report) {
        Report.Builder b = report.toBuilder();
        NodeSet containers = report.topology(TopologyId.CONTAINER).nodes();
        if (!containers.isEmpty()) {
            NodeSet images = report.topology(TopologyId.CONTAINER_IMAGE).nodes();
            long now = GoTimes.nowNanos();
            List<Node> tagged = new ArrayList<>(containers.size());
            boolean changed = false;
            for (Node c : containers) {
                Node t = tagContainer(c, images, now);
                changed |= t != c;
                tagged.add(t);
            }
            if (changed) b.updateTopology(TopologyId.CONTAINER, t -> t.withNodes(NodeSet.of(tagged)));
        }
        Node host = report.topology(TopologyId.HOST).nodes().get(hostNodeId);
        io.fabric8.kubernetes.api.model.Node node = controls ? thisNode.get() : null;
        if (host != null && node != null && host.latestValue(CONTROL_PROBE_ID) != null) {
            boolean unschedulable = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
            Node withControl = withControl(host, unschedulable ? UNCORDON : CORDON);
            b.updateTopology(TopologyId.HOST, t -> t.withNodes(t.nodes().replacing(withControl)));
        }
        return b.build();
    }

    private static Node tagContainer(Node c, NodeSet images, long now) {
        String uid = c.latestValue(POD_UID_LABEL);
        if (uid == null || uid.isEmpty()) return c;
        Node.Builder b = c.toBuilder().parent(TopologyId.POD.name, nodeId(uid, POD));
        if (isPauseContainer(c, images)) b.putLatest(DOES_NOT_MAKE_CONNECTIONS, "", now);
        return b.build();
    }

    /** The container's image is a Kubernetes pause image (Weave Scope's list, plus today's registry.k8s.io). */
    static boolean isPauseContainer(Node container, NodeSet images) {
        for (String imageId : container.parentIds(TopologyId.CONTAINER_IMAGE.name)) {
            Node image = images.get(imageId);
            String name = image == null ? null : image.latestValue("docker_image_name");
            if (name != null && isPauseImageName(name)) return true;
        }
        return false;
    }

    static boolean isPauseImageName(String imageName) {
        String n = imageName.toLowerCase(Locale.ROOT);
        return n.contains("google_containers/pause") || n.contains("k8s.gcr.io/pause") || n.contains("eks/pause")
                || n.contains("registry.k8s.io/pause");
    }

    /** Appends a control to the host node's active controls, keeping their time so that merging stays as it was. */
    private static Node withControl(Node host, String control) {
        var current = host.latest().get(ACTIVE_CONTROLS);
        String value = current == null || current.value().isEmpty() ? control : current.value() + ";" + control;
        long ts = current == null ? GoTimes.nowNanos() : current.timestamp();
        List<String> existing = current == null ? List.of() : List.of(current.value().split(";"));
        if (existing.contains(control)) return host;
        return host.toBuilder().putLatest(ACTIVE_CONTROLS, value, ts).build();
    }
}

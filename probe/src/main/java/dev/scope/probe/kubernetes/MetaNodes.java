package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.report.Node;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/** What every Kubernetes node starts with, as Weave Scope's {@code meta.MetaNode}: name, namespace, created, labels. */
final class MetaNodes {
    private MetaNodes() {
    }

    static Node.Builder builder(HasMetadata object, String nodeId, String topology, long ts) {
        ObjectMeta meta = object.getMetadata();
        Node.Builder b = Node.builder(nodeId, topology);
        put(b, NAME, meta.getName(), ts);
        // Cluster-wide objects have no namespace; Weave Scope sends an empty one, which would name a namespace "".
        put(b, NAMESPACE, meta.getNamespace(), ts);
        put(b, CREATED, meta.getCreationTimestamp(), ts);
        Map<String, String> labels = meta.getLabels();
        if (labels != null) labels.forEach((k, v) -> b.putLatest(LABEL_PREFIX + k, v == null ? "" : v, ts));
        return b;
    }

    /**
     * A node with controls: which probe runs them and which of the topology's controls apply now. A null probe id
     * (a read-only probe) offers none, as the host reporter does.
     */
    static Node.Builder controls(Node.Builder b, String probeId, long ts, List<String> active) {
        if (probeId == null) return b;
        return b.putLatest(CONTROL_PROBE_ID, probeId, ts).putLatest(ACTIVE_CONTROLS, String.join(";", active), ts);
    }

    static void put(Node.Builder b, String key, String value, long ts) {
        if (value != null && !value.isEmpty()) b.putLatest(key, value, ts);
    }

    static String number(Integer value) {
        return String.valueOf(value == null ? 0 : value);
    }

    static String number(Long value) {
        return String.valueOf(value == null ? 0 : value);
    }

    static String uid(HasMetadata object) {
        return object.getMetadata().getUid();
    }
}

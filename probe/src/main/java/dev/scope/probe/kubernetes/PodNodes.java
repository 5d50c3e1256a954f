package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.report.Node;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pod nodes as Weave Scope 1.13's {@code pod.GetNode}: state, IP, restarts, claims, host network, controls. */
final class PodNodes {
    private PodNodes() {
    }

    static final List<String> CONTROLS = List.of(GET_LOGS, DELETE_POD, DESCRIBE);

    /**
     * The pod's id in reports. Static (mirror) pods' containers carry the kubelet's config hash as their pod uid
     * label, not the API object's uid, so Weave Scope uses the hash when there is one; so do we, or containers
     * would not join their pod.
     */
    static String uid(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String hash = annotations == null ? null : annotations.get("kubernetes.io/config.hash");
        return hash != null && !hash.isEmpty() ? hash : pod.getMetadata().getUid();
    }

    static String nodeId(Pod pod) {
        return KubernetesKeys.nodeId(uid(pod), POD);
    }

    static Node node(Pod pod, String probeId, StringMap<StringSet> parents, long ts) {
        Node.Builder b = MetaNodes.builder(pod, nodeId(pod), TopologyId.POD.name, ts)
                .putLatest(STATE, state(pod), ts)
                .putLatest(IP, pod.getStatus() == null || pod.getStatus().getPodIP() == null ? "" : pod.getStatus().getPodIP(), ts)
                .putLatest(RESTART_COUNT, String.valueOf(restartCount(pod)), ts);
        List<String> claims = claimNames(pod);
        if (!claims.isEmpty()) b.putLatest(VOLUME_CLAIM, String.join(";", claims), ts);
        if (pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) b.putLatest(IS_IN_HOST_NETWORK, "true", ts);
        MetaNodes.controls(b, probeId, ts, CONTROLS);
        return b.build().withParents(parents);
    }

    /** What a probe publishes at once when a pod is deleted: only its state. */
    static Node deleted(Pod pod, long ts) {
        return Node.builder(nodeId(pod), TopologyId.POD.name).putLatest(STATE, STATE_DELETED, ts).build();
    }

    /** The phase, or {@code Terminating} once deletion has begun (as kubectl shows it). */
    static String state(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) return "Terminating";
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return phase == null ? "Unknown" : phase;
    }

    static int restartCount(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) return 0;
        int count = 0;
        for (ContainerStatus s : pod.getStatus().getContainerStatuses()) count += s.getRestartCount() == null ? 0 : s.getRestartCount();
        return count;
    }

    static List<String> claimNames(Pod pod) {
        List<String> names = new ArrayList<>();
        if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) return names;
        for (Volume v : pod.getSpec().getVolumes()) {
            if (v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName() != null) {
                names.add(v.getPersistentVolumeClaim().getClaimName());
            }
        }
        return names;
    }

    static List<String> containerNames(Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) return List.of();
        return pod.getSpec().getContainers().stream().map(c -> c.getName()).toList();
    }

    static String nodeName(Pod pod) {
        return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    }
}

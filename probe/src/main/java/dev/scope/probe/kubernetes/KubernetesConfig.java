package dev.scope.probe.kubernetes;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the Kubernetes part of the probe runs.
 *
 * @param role     which objects this probe reports (Weave Scope's {@code --probe.kubernetes.role})
 * @param nodeName the Kubernetes node this probe runs on; its pods are the ones a {@code host} probe reports.
 *                 Null when unknown: then every pod is reported (as Weave Scope does, at some cost)
 * @param probeId  this probe's id ({@code control_probe_id} on nodes with controls)
 * @param hostId   this host's id, to attach the host's own node and its pods to it
 */
public record KubernetesConfig(Role role, String nodeName, String probeId, String hostId) {

    /** Weave Scope's split: one {@code cluster} probe per cluster and one {@code host} probe per node. */
    public enum Role {
        /** Only this node's pods (by node name), and this node's cordon controls. */
        HOST,
        /** Cluster-wide objects: services, controllers, namespaces, storage; no pods. */
        CLUSTER,
        /** Both (Weave Scope's blank role): for a single probe in a small cluster. */
        ALL;

        boolean reportsPods() {
            return this != CLUSTER;
        }

        boolean reportsClusterObjects() {
            return this != HOST;
        }

        static Role parse(String text) {
            if (text == null || text.isBlank()) return ALL;
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "host" -> HOST;
                case "cluster" -> CLUSTER;
                default -> throw new IllegalArgumentException("SCOPE_KUBERNETES_ROLE must be host, cluster or empty, not " + text);
            };
        }
    }

    /**
     * Reads the configuration from the environment; empty when Kubernetes is not to be watched: the probe runs in a
     * pod ({@code KUBERNETES_SERVICE_HOST} set by the kubelet) unless {@code SCOPE_KUBERNETES=false}, or anywhere
     * with {@code SCOPE_KUBERNETES=true} (the client then reads {@code ~/.kube/config}). The role comes from
     * {@code SCOPE_KUBERNETES_ROLE}; the node name from {@code SCOPE_KUBERNETES_NODE_NAME} or {@code KUBERNETES_NODENAME}
     * (what Weave Scope's manifests set from the downward API).
     */
    public static Optional<KubernetesConfig> fromEnvironment(Map<String, String> env, String probeId, String hostId) {
        String enabled = env.getOrDefault("SCOPE_KUBERNETES", "").trim().toLowerCase(Locale.ROOT);
        boolean inCluster = !env.getOrDefault("KUBERNETES_SERVICE_HOST", "").isBlank();
        if (enabled.equals("false") || (!enabled.equals("true") && !inCluster)) return Optional.empty();
        String nodeName = env.get("SCOPE_KUBERNETES_NODE_NAME");
        if (nodeName == null || nodeName.isBlank()) nodeName = env.get("KUBERNETES_NODENAME");
        if (nodeName != null && nodeName.isBlank()) nodeName = null;
        return Optional.of(new KubernetesConfig(Role.parse(env.get("SCOPE_KUBERNETES_ROLE")), nodeName, probeId, hostId));
    }
}

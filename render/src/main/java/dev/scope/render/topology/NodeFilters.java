package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.RNode;

import java.util.Set;
import java.util.function.Predicate;

/** The predicates behind the topology options (Weave's render/filters.go). */
public final class NodeFilters {
    private static final Set<String> SYSTEM_CONTAINER_NAMES = Set.of("weavescope", "weavedns", "weave", "weaveproxy",
            "weaveexec", "ecs-agent");
    private static final Set<String> SYSTEM_IMAGE_PREFIXES = Set.of("swarm", "weaveworks/scope", "weaveworks/weavedns",
            "weaveworks/weave", "weaveworks/weaveproxy", "weaveworks/weaveexec", "amazon/amazon-ecs-agent",
            "openshift/origin-pod", "docker.io/openshift/origin-pod");
    private static final Set<String> STORAGE_TOPOLOGIES = Set.of("persistent_volume", "persistent_volume_claim", "storage_class");
    private static final Set<String> SNAPSHOT_TOPOLOGIES = Set.of("volume_snapshot", "volume_snapshot_data");

    private NodeFilters() {
    }

    public static boolean isConnected(RNode n) {
        return n.hasLatest(Keys.IS_CONNECTED);
    }

    public static boolean isRunning(RNode n) {
        return KubernetesTopology.isRunning(n);
    }

    public static boolean isStopped(RNode n) {
        return !isRunning(n);
    }

    public static boolean isApplication(RNode n) {
        String containerName = n.latestValue(Keys.CONTAINER_NAME);
        if (containerName != null && SYSTEM_CONTAINER_NAMES.contains(containerName)) return false;
        String imageName = n.latestValue(Keys.IMAGE_NAME);
        String imagePrefix = imageName == null ? "" : imageName.split(":", 2)[0];
        if (SYSTEM_IMAGE_PREFIXES.contains(imagePrefix) || KubernetesTopology.isPauseImage(imagePrefix)) return false;
        if ("system".equals(n.latestValue(Keys.LABEL_PREFIX + "works.weave.role"))) return false;
        if ("system".equals(n.latestValue(Keys.IMAGE_LABEL_PREFIX + "works.weave.role"))) return false;
        if ("kube-system".equals(n.latestValue(Keys.LABEL_PREFIX + "io.kubernetes.pod.namespace"))) return false;
        String podName = n.latestValue(Keys.LABEL_PREFIX + "io.kubernetes.pod.name");
        return podName == null || !podName.startsWith("kube-system/");
    }

    public static boolean isSystem(RNode n) {
        return !isApplication(n);
    }

    /** Real nodes, the Internet and known services pass; uncontained/unmanaged pseudo nodes do not. */
    public static boolean isNotPseudo(RNode n) {
        return !n.isPseudo() || n.id().endsWith(Ids.THE_INTERNET) || n.id().startsWith(Ids.SERVICE_PREFIX);
    }

    /** Everything but persistent volumes, claims and storage classes. */
    public static boolean isPodComponent(RNode n) {
        return !STORAGE_TOPOLOGIES.contains(n.topology());
    }

    /** Everything but volume snapshots and their data. */
    public static boolean isNonSnapshotComponent(RNode n) {
        return !SNAPSHOT_TOPOLOGIES.contains(n.topology());
    }

    /** Nodes in a Kubernetes namespace or Swarm stack; "No Stack" also matches nodes with none. */
    public static Predicate<RNode> isNamespace(String namespace) {
        return n -> {
            String got = "";
            for (String key : new String[] {Keys.K8S_NAMESPACE, Keys.LABEL_PREFIX + "io.kubernetes.pod.namespace",
                    Keys.STACK_NAMESPACE, Keys.LABEL_PREFIX + "com.docker.stack.namespace"}) {
                String v = n.latestValue(key);
                if (v != null) {
                    got = v;
                    break;
                }
            }
            if (namespace.equals(Keys.DEFAULT_SWARM_NAMESPACE) && got.isEmpty()) return true;
            return namespace.equals(got);
        };
    }
}

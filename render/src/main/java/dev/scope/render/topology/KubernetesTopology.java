package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.render.graph.Steps;
import dev.scope.report.Metric;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TopologyId;

import java.util.List;

/** Pods (with their containers and storage), controllers and services of Kubernetes. */
public final class KubernetesTopology {
    private static final List<TopologyId> CONTROLLERS = List.of(TopologyId.DEPLOYMENT, TopologyId.DAEMON_SET,
            TopologyId.STATEFUL_SET, TopologyId.CRON_JOB, TopologyId.JOB);

    private KubernetesTopology() {
    }

    static boolean present(RenderContext ctx) {
        for (TopologyId t : List.of(TopologyId.POD, TopologyId.SERVICE, TopologyId.DEPLOYMENT, TopologyId.DAEMON_SET,
                TopologyId.STATEFUL_SET, TopologyId.CRON_JOB, TopologyId.JOB, TopologyId.PERSISTENT_VOLUME,
                TopologyId.PERSISTENT_VOLUME_CLAIM, TopologyId.STORAGE_CLASS)) {
            if (ctx.report().topology(t).nodes().size() > 0) return true;
        }
        return false;
    }

    /** Weave's PodRenderer: running application containers grouped into pods, plus pod IP connections and storage. */
    public static Nodes pods(RenderContext ctx) {
        return ctx.memoised("pods", c -> {
            if (!present(c)) return Nodes.EMPTY;
            Nodes containers = Steps.filterReal(ContainerTopology.containersWithImageNames(c),
                    n -> isRunning(n) && !isPauseContainer(n));
            Nodes grouped = Steps.map(ParentGrouping.mapToParents(containers, List.of(TopologyId.POD), Ids.UNMANAGED),
                    KubernetesTopology::withHostsOfChildren);
            Nodes pods = propagateSingleContainerMetrics(grouped)
                    .merge(ConnectionJoin.join(c, TopologyId.POD, KubernetesTopology::podAddresses))
                    .merge(StorageTopology.volumes(c));
            return Steps.filterReal(pods, KubernetesTopology::isLivePod);
        });
    }

    /** "kube-controllers": pods grouped by deployment, daemon set, stateful set, cron job and job. */
    public static Nodes controllers(RenderContext ctx) {
        return ctx.memoised("kube-controllers", c -> present(c)
                ? ParentGrouping.renderParents(c, CONTROLLERS, Ids.UNMANAGED, pods(c)) : Nodes.EMPTY);
    }

    /** "services": pods grouped by service. */
    public static Nodes services(RenderContext ctx) {
        return ctx.memoised("services", c -> present(c)
                ? ParentGrouping.renderParents(c, List.of(TopologyId.SERVICE), null, pods(c)) : Nodes.EMPTY);
    }

    static boolean isRunning(RNode n) {
        String state = n.latestValue(Keys.CONTAINER_STATE);
        return state == null || state.equals(Keys.STATE_RUNNING) || state.equals(Keys.STATE_RESTARTING)
                || state.equals(Keys.STATE_PAUSED);
    }

    private static boolean isPauseContainer(RNode n) {
        String image = n.latestValue(Keys.IMAGE_NAME);
        if (image != null && isPauseImage(Ids.imageNameWithoutVersion(image))) return true;
        return "podsandbox".equals(n.latestValue(Keys.LABEL_PREFIX + "io.kubernetes.docker.type"));
    }

    static boolean isPauseImage(String imageNameWithoutVersion) {
        return imageNameWithoutVersion.endsWith("/pause") || imageNameWithoutVersion.endsWith("/pause-amd64")
                || imageNameWithoutVersion.equals("pause");
    }

    private static boolean isLivePod(RNode n) {
        String state = n.latestValue(Keys.K8S_STATE);
        return state == null || !(state.equals(Keys.K8S_STATE_DELETED) || state.equals(Keys.K8S_STATE_FAILED));
    }

    private static List<String> podAddresses(RNode pod) {
        if (pod.hasLatest("kubernetes_is_in_host_network")) return List.of();
        String ip = pod.latestValue(Keys.K8S_IP);
        return ip == null || ip.isEmpty() ? List.of() : List.of(Ids.scopedEndpoint("", ip, ""));
    }

    /** A pod's hosts are the hosts of its containers. */
    private static RNode withHostsOfChildren(RNode n) {
        if (!"pod".equals(n.topology())) return n;
        StringSet hosts = StringSet.EMPTY;
        for (RNode child : n.children().values()) hosts = hosts.merge(child.parentIds("host"));
        return hosts.isEmpty() ? n : n.withParents(n.parents().merge(StringMap.of("host", hosts), StringSet::merge));
    }

    /** A pod with exactly one container shows that container's metrics (Weave's PropagateSingleMetrics). */
    private static Nodes propagateSingleContainerMetrics(Nodes nodes) {
        return Steps.mapValues(nodes, n -> {
            RNode only = null;
            int count = 0;
            for (RNode child : n.children().values()) {
                if ("container".equals(child.topology())) {
                    only = child;
                    count++;
                }
            }
            if (count != 1 || only.metrics().isEmpty()) return n;
            return n.withMetrics(n.metrics().merge(only.metrics(), Metric::merge));
        });
    }
}

package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.render.graph.Steps;
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
                TopologyId.STATEFUL_SET, TopologyId.CRON_JOB, TopologyId.JOB)) {
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
            Nodes grouped = ParentGrouping.mapToParents(containers, List.of(TopologyId.POD), Ids.UNMANAGED);
            Nodes pods = ParentGrouping.propagateSingleMetrics(grouped, "container")
                    .merge(ConnectionJoin.join(c, TopologyId.POD, podsWithDeployments(c), KubernetesTopology::podAddresses))
                    .merge(StorageTopology.volumes(c));
            return Steps.filterReal(pods, KubernetesTopology::isLivePod);
        });
    }

    /** "kube-controllers": pods grouped by deployment, daemon set, stateful set, cron job and job. */
    public static Nodes controllers(RenderContext ctx) {
        return ctx.memoised("kube-controllers", c -> present(c)
                ? ParentGrouping.renderParents(c, CONTROLLERS, Ids.UNMANAGED, "pod", pods(c)) : Nodes.EMPTY);
    }

    /** "services": pods grouped by service. */
    public static Nodes services(RenderContext ctx) {
        return ctx.memoised("services", c -> present(c)
                ? ParentGrouping.renderParents(c, List.of(TopologyId.SERVICE), null, "pod", pods(c)) : Nodes.EMPTY);
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
        return !Keys.K8S_STATE_DELETED.equals(state);
    }

    private static List<String> podAddresses(RNode pod) {
        if (pod.hasLatest("kubernetes_is_in_host_network")) return List.of();
        String ip = pod.latestValue(Keys.K8S_IP);
        return ip == null || ip.isEmpty() ? List.of() : List.of(Ids.scopedEndpoint("", ip, ""));
    }

    /** Pods whose replica-set parents are replaced by those replica sets' deployments. */
    private static Nodes podsWithDeployments(RenderContext ctx) {
        Nodes replicaSets = ctx.select(TopologyId.REPLICA_SET);
        return Steps.mapValues(ctx.select(TopologyId.POD), pod -> {
            StringSet replicaSetIds = pod.parentIds("replica_set");
            if (replicaSetIds.isEmpty()) return pod;
            StringMap<StringSet> parents = pod.parents().without("replica_set");
            for (String id : replicaSetIds) {
                RNode rs = replicaSets.get(id);
                if (rs == null || rs.parentIds("deployment").isEmpty()) continue;
                parents = parents.merge(StringMap.of("deployment", rs.parentIds("deployment")), StringSet::merge);
            }
            return pod.withParents(parents);
        });
    }
}

package dev.scope.probe.kubernetes;

import dev.scope.probe.GoTimes;
import dev.scope.probe.HostIds;
import dev.scope.probe.Reporter;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.StandardTopologies;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Kubernetes part of each report, built from the informers' copy ({@link ClusterState}) without API calls.
 * A {@code host} probe reports the pods of its node (with the host as their parent); a {@code cluster} probe
 * services, controllers, namespaces and storage, plus the services' network as a local network of its host
 * (Weave Scope's fix for connections to service IPs showing as the internet).
 */
public final class KubernetesReporter implements Reporter {
    private final KubernetesConfig config;
    private final Supplier<ClusterState> state;
    private final LongSupplier version;
    /** This probe's id on nodes, or null when the probe is read-only and offers no controls. */
    private final String controlProbeId;
    private record Cached(long version, Report report) {
    }
    private volatile Cached last;

    /**
     * @param version changes whenever the state does: while it stays the same, the last report is sent again (with
     *                a new report time), so a quiet cluster costs next to nothing per spy cycle
     */
    KubernetesReporter(KubernetesConfig config, Supplier<ClusterState> state, LongSupplier version, boolean controls) {
        this.config = config;
        this.state = state;
        this.version = version;
        this.controlProbeId = controls ? config.probeId() : null;
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public Report report() {
        long ts = GoTimes.nowNanos();
        long v = version.getAsLong();
        Cached c = last;
        if (c != null && c.version() == v) return c.report().toBuilder().timestamp(ts).build();
        Report fresh = report(state.get(), ts);
        last = new Cached(v, fresh);
        return fresh;
    }

    Report report(ClusterState s, long ts) {
        Report.Builder b = Report.builder().timestamp(ts);
        if (config.role().reportsPods()) b.topology(TopologyId.POD, pods(s, ts));
        if (config.role().reportsClusterObjects()) {
            String probe = controlProbeId;
            b.topology(TopologyId.SERVICE, nodes(TopologyId.SERVICE, s.services(), (Service x) -> ServiceNodes.service(x, probe, ts)));
            b.topology(TopologyId.DEPLOYMENT, nodes(TopologyId.DEPLOYMENT, s.deployments(), (Deployment x) -> WorkloadNodes.deployment(x, probe, ts)));
            b.topology(TopologyId.REPLICA_SET, nodes(TopologyId.REPLICA_SET, s.replicaSets(), (ReplicaSet x) -> WorkloadNodes.replicaSet(x, s.deployments(), ts)));
            b.topology(TopologyId.DAEMON_SET, nodes(TopologyId.DAEMON_SET, s.daemonSets(), (DaemonSet x) -> WorkloadNodes.daemonSet(x, probe, ts)));
            b.topology(TopologyId.STATEFUL_SET, nodes(TopologyId.STATEFUL_SET, s.statefulSets(), (StatefulSet x) -> WorkloadNodes.statefulSet(x, probe, ts)));
            b.topology(TopologyId.CRON_JOB, nodes(TopologyId.CRON_JOB, s.cronJobs(),
                    (CronJob x) -> WorkloadNodes.cronJob(x, PodParents.activeJobs(x, s.jobs()).size(), probe, ts)));
            b.topology(TopologyId.JOB, nodes(TopologyId.JOB, s.jobs(), (Job x) -> WorkloadNodes.job(x, probe, ts)));
            b.topology(TopologyId.NAMESPACE, nodes(TopologyId.NAMESPACE, s.namespaces(), x -> ServiceNodes.namespace(x, ts)));
            b.topology(TopologyId.PERSISTENT_VOLUME, nodes(TopologyId.PERSISTENT_VOLUME, s.persistentVolumes(), x -> StorageNodes.persistentVolume(x, probe, ts)));
            b.topology(TopologyId.PERSISTENT_VOLUME_CLAIM, nodes(TopologyId.PERSISTENT_VOLUME_CLAIM, s.persistentVolumeClaims(), x -> StorageNodes.persistentVolumeClaim(x, probe, ts)));
            b.topology(TopologyId.STORAGE_CLASS, nodes(TopologyId.STORAGE_CLASS, s.storageClasses(), x -> StorageNodes.storageClass(x, probe, ts)));
            String network = ServiceNetwork.containing(s.services().stream()
                    .map(x -> x.getSpec() == null ? null : x.getSpec().getClusterIP()).toList());
            if (network != null) {
                b.updateTopology(TopologyId.HOST, t -> t.merge(StandardTopologies.descriptor(TopologyId.HOST))).node(TopologyId.HOST, Node.builder(HostIds.hostNodeId(config.hostId()), TopologyId.HOST.name)
                        .set(KubernetesKeys.LOCAL_NETWORKS, network).build());
            }
        }
        if (controlProbeId == null) return withoutControls(b.build());
        if (config.role().reportsPods() && config.nodeName() != null) {
            // Which of the two applies is the tagger's business: it sees the host node the host reporter made.
            b.updateTopology(TopologyId.HOST, t -> t.merge(StandardTopologies.descriptor(TopologyId.HOST)
                    .withControls(KubernetesTemplates.byId(KubernetesTemplates.HOST_CONTROLS, c -> c.id()))));
        }
        return b.build();
    }

    /** A read-only probe's report: no topology offers controls. */
    private static Report withoutControls(Report r) {
        Report.Builder b = r.toBuilder();
        for (TopologyId t : TopologyId.all()) {
            if (!r.topology(t).controls().isEmpty()) b.updateTopology(t, top -> top.withControls(StringMap.empty()));
        }
        return b.build();
    }

    /** This node's pods (all pods when the node name is unknown), with their services and controllers as parents. */
    private Topology pods(ClusterState s, long ts) {
        PodParents parents = new PodParents(s);
        String node = config.nodeName();
        StringMap<StringSet> host = StringMap.of(TopologyId.HOST.name, StringSet.of(HostIds.hostNodeId(config.hostId())));
        List<Node> out = new ArrayList<>();
        for (Pod p : s.pods()) {
            if (node != null && !node.equals(PodNodes.nodeName(p))) continue;
            StringMap<StringSet> ps = parents.of(p);
            if (node != null) ps = ps.merge(host, StringSet::merge);
            out.add(PodNodes.node(p, controlProbeId, ps, ts));
        }
        return withNodes(KubernetesTemplates.topology(TopologyId.POD), out);
    }

    /** A pod that just appeared, published at once. */
    Report added(Pod pod, long ts) {
        StringMap<StringSet> parents = new PodParents(state.get()).of(pod);
        if (config.nodeName() != null) {
            parents = parents.merge(StringMap.of(TopologyId.HOST.name, StringSet.of(HostIds.hostNodeId(config.hostId()))), StringSet::merge);
        }
        return Report.standard("", ts).toBuilder().shortcut(true).node(TopologyId.POD, PodNodes.node(pod, controlProbeId, parents, ts)).build();
    }

    /** A pod that went away, published at once so that the UI drops it before the next full report. */
    Report deleted(Pod pod, long ts) {
        return Report.standard("", ts).toBuilder().shortcut(true).node(TopologyId.POD, PodNodes.deleted(pod, ts)).build();
    }

    /** Whether a pod event concerns this probe's pods. */
    boolean isMine(Pod pod) {
        return config.role().reportsPods() && (config.nodeName() == null || config.nodeName().equals(PodNodes.nodeName(pod)));
    }

    private static <T> Topology nodes(TopologyId t, List<T> objects, java.util.function.Function<T, Node> toNode) {
        List<Node> out = new ArrayList<>(objects.size());
        for (T o : objects) out.add(toNode.apply(o));
        return withNodes(KubernetesTemplates.topology(t), out);
    }

    private static Topology withNodes(Topology t, List<Node> nodes) {
        return t.withNodes(dev.scope.report.NodeSet.of(nodes));
    }
}

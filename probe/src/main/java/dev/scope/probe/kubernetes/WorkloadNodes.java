package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.report.Node;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Collection;
import java.util.List;

/** Controller nodes (deployments, replica sets, daemon sets, stateful sets, cron jobs, jobs) as Weave Scope 1.13. */
final class WorkloadNodes {
    private WorkloadNodes() {
    }

    static Node deployment(Deployment d, String probeId, long ts) {
        int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        var status = d.getStatus();
        Node.Builder b = MetaNodes.builder(d, nodeId(MetaNodes.uid(d), DEPLOYMENT), TopologyId.DEPLOYMENT.name, ts)
                .putLatest(NODE_TYPE, "Deployment", ts)
                .putLatest(DESIRED_REPLICAS, String.valueOf(desired), ts)
                .putLatest(OBSERVED_GENERATION, MetaNodes.number(status == null ? null : status.getObservedGeneration()), ts)
                .putLatest(REPLICAS, MetaNodes.number(status == null ? null : status.getReplicas()), ts)
                .putLatest(UPDATED_REPLICAS, MetaNodes.number(status == null ? null : status.getUpdatedReplicas()), ts)
                .putLatest(AVAILABLE_REPLICAS, MetaNodes.number(status == null ? null : status.getAvailableReplicas()), ts)
                .putLatest(UNAVAILABLE_REPLICAS, MetaNodes.number(status == null ? null : status.getUnavailableReplicas()), ts);
        if (d.getSpec() != null && d.getSpec().getStrategy() != null) MetaNodes.put(b, STRATEGY, d.getSpec().getStrategy().getType(), ts);
        // Scaling below zero is refused by the API server; do not offer it.
        List<String> active = desired > 0 ? List.of(SCALE_UP, SCALE_DOWN, DESCRIBE) : List.of(SCALE_UP, DESCRIBE);
        return MetaNodes.controls(b, probeId, ts, active).build();
    }

    /** Not reported by Weave Scope 1.13 probes (older ones did); kept so a pod's deployment can be told from its replica set. */
    static Node replicaSet(ReplicaSet r, Collection<Deployment> deployments, long ts) {
        var status = r.getStatus();
        Node.Builder b = MetaNodes.builder(r, nodeId(MetaNodes.uid(r), REPLICA_SET), TopologyId.REPLICA_SET.name, ts)
                .putLatest(DESIRED_REPLICAS, MetaNodes.number(r.getSpec() == null ? null : r.getSpec().getReplicas()), ts)
                .putLatest(REPLICAS, MetaNodes.number(status == null ? null : status.getReplicas()), ts)
                .putLatest(OBSERVED_GENERATION, MetaNodes.number(status == null ? null : status.getObservedGeneration()), ts);
        for (OwnerReference owner : owners(r.getMetadata().getOwnerReferences())) {
            if (!"Deployment".equals(owner.getKind())) continue;
            for (Deployment d : deployments) {
                if (owner.getUid() != null && owner.getUid().equals(MetaNodes.uid(d))) b.parent(TopologyId.DEPLOYMENT.name, nodeId(owner.getUid(), DEPLOYMENT));
            }
        }
        return b.build();
    }

    static Node daemonSet(DaemonSet d, String probeId, long ts) {
        var status = d.getStatus();
        Node.Builder b = MetaNodes.builder(d, nodeId(MetaNodes.uid(d), DAEMON_SET), TopologyId.DAEMON_SET.name, ts)
                .putLatest(NODE_TYPE, "DaemonSet", ts)
                .putLatest(DESIRED_REPLICAS, MetaNodes.number(status == null ? null : status.getDesiredNumberScheduled()), ts)
                .putLatest(REPLICAS, MetaNodes.number(status == null ? null : status.getCurrentNumberScheduled()), ts)
                .putLatest(MISSCHEDULED_REPLICAS, MetaNodes.number(status == null ? null : status.getNumberMisscheduled()), ts);
        return MetaNodes.controls(b, probeId, ts, List.of(DESCRIBE)).build();
    }

    static Node statefulSet(StatefulSet s, String probeId, long ts) {
        var status = s.getStatus();
        Integer desired = s.getSpec() == null || s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
        Node.Builder b = MetaNodes.builder(s, nodeId(MetaNodes.uid(s), STATEFUL_SET), TopologyId.STATEFUL_SET.name, ts)
                .putLatest(NODE_TYPE, "StatefulSet", ts)
                .putLatest(DESIRED_REPLICAS, MetaNodes.number(desired), ts)
                .putLatest(REPLICAS, MetaNodes.number(status == null ? null : status.getReplicas()), ts);
        if (status != null && status.getObservedGeneration() != null) b.putLatest(OBSERVED_GENERATION, MetaNodes.number(status.getObservedGeneration()), ts);
        return MetaNodes.controls(b, probeId, ts, List.of(DESCRIBE)).build();
    }

    /** {@code activeJobs}: how many of the cron job's active jobs this probe knows (Weave Scope counts the same way). */
    static Node cronJob(CronJob c, int activeJobs, String probeId, long ts) {
        Node.Builder b = MetaNodes.builder(c, nodeId(MetaNodes.uid(c), CRON_JOB), TopologyId.CRON_JOB.name, ts)
                .putLatest(NODE_TYPE, "CronJob", ts)
                .putLatest(ACTIVE_JOBS, String.valueOf(activeJobs), ts);
        if (c.getSpec() != null) {
            MetaNodes.put(b, SCHEDULE, c.getSpec().getSchedule(), ts);
            b.putLatest(SUSPENDED, String.valueOf(Boolean.TRUE.equals(c.getSpec().getSuspend())), ts);
        }
        if (c.getStatus() != null) MetaNodes.put(b, LAST_SCHEDULED, c.getStatus().getLastScheduleTime(), ts);
        return MetaNodes.controls(b, probeId, ts, List.of(DESCRIBE)).build();
    }

    static Node job(Job j, String probeId, long ts) {
        Node.Builder b = MetaNodes.builder(j, nodeId(MetaNodes.uid(j), JOB), TopologyId.JOB.name, ts)
                .putLatest(NODE_TYPE, "Job", ts);
        return MetaNodes.controls(b, probeId, ts, List.of(DESCRIBE)).build();
    }

    static List<OwnerReference> owners(List<OwnerReference> refs) {
        return refs == null ? List.of() : refs;
    }
}

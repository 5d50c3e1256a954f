package dev.scope.probe.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the informers hold at one moment: the objects one report is built from. Lists of kinds this probe's
 * role does not watch are empty. The objects are the informers' own: never modify them.
 */
public record ClusterState(List<Pod> pods, List<Service> services, List<Deployment> deployments,
                           List<ReplicaSet> replicaSets, List<DaemonSet> daemonSets, List<StatefulSet> statefulSets,
                           List<CronJob> cronJobs, List<Job> jobs, List<Namespace> namespaces, List<Node> nodes,
                           List<PersistentVolume> persistentVolumes, List<PersistentVolumeClaim> persistentVolumeClaims,
                           List<StorageClass> storageClasses) {

    public static final ClusterState EMPTY = new ClusterState(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public ClusterState {
        pods = List.copyOf(pods);
        services = List.copyOf(services);
        deployments = List.copyOf(deployments);
        replicaSets = List.copyOf(replicaSets);
        daemonSets = List.copyOf(daemonSets);
        statefulSets = List.copyOf(statefulSets);
        cronJobs = List.copyOf(cronJobs);
        jobs = List.copyOf(jobs);
        namespaces = List.copyOf(namespaces);
        nodes = List.copyOf(nodes);
        persistentVolumes = List.copyOf(persistentVolumes);
        persistentVolumeClaims = List.copyOf(persistentVolumeClaims);
        storageClasses = List.copyOf(storageClasses);
    }

    /** The pod whose (Weave) uid is {@code uid}: its metadata uid, or the config hash of a static pod. */
    public Optional<Pod> pod(String uid) {
        return pods.stream().filter(p -> PodNodes.uid(p).equals(uid)).findFirst();
    }

    public Optional<Deployment> deployment(String uid) {
        return byUid(deployments.stream(), uid);
    }

    /** The object a node id of any Kubernetes topology names, for describe. */
    public Optional<? extends HasMetadata> byNodeId(String nodeId) {
        String tag = KubernetesKeys.tagOf(nodeId);
        if (tag == null) return Optional.empty();
        String id = KubernetesKeys.idOf(nodeId, tag);
        return switch (tag) {
            case KubernetesKeys.POD -> pod(id);
            case KubernetesKeys.SERVICE -> byUid(services.stream(), id);
            case KubernetesKeys.DEPLOYMENT -> byUid(deployments.stream(), id);
            case KubernetesKeys.REPLICA_SET -> byUid(replicaSets.stream(), id);
            case KubernetesKeys.DAEMON_SET -> byUid(daemonSets.stream(), id);
            case KubernetesKeys.STATEFUL_SET -> byUid(statefulSets.stream(), id);
            case KubernetesKeys.CRON_JOB -> byUid(cronJobs.stream(), id);
            case KubernetesKeys.JOB -> byUid(jobs.stream(), id);
            case KubernetesKeys.PERSISTENT_VOLUME -> byUid(persistentVolumes.stream(), id);
            case KubernetesKeys.PERSISTENT_VOLUME_CLAIM -> byUid(persistentVolumeClaims.stream(), id);
            case KubernetesKeys.STORAGE_CLASS -> byUid(storageClasses.stream(), id);
            case KubernetesKeys.NAMESPACE_TAG -> namespaces.stream().filter(n -> id.equals(n.getMetadata().getName())).findFirst();
            default -> Optional.empty();
        };
    }

    private static <T extends HasMetadata> Optional<T> byUid(Stream<T> objects, String uid) {
        return objects.filter(o -> uid != null && uid.equals(o.getMetadata().getUid())).findFirst();
    }
}

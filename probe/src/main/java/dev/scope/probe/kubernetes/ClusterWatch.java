package dev.scope.probe.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a local copy of the cluster's objects with fabric8 informers (one list, then a watch each; relisted after
 * errors), so that a report costs no API call. Which kinds are watched follows the role: a {@code host} probe
 * watches its node's pods and the controllers and services their parents come from; a {@code cluster} probe every
 * kind but pods and nodes. A kind the service account may not read is retried in the background and reported empty.
 */
final class ClusterWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterWatch.class);

    /** Told of pods that appear or go, after the first listing (Weave Scope publishes those at once). */
    interface PodEvents {
        void added(Pod pod);

        void deleted(Pod pod);
    }

    private final List<SharedIndexInformer<?>> started = new ArrayList<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** Counts every add, update and delete any informer has seen: equal counts mean equal states. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.Pod> pods;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.Service> services;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.apps.Deployment> deployments;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.apps.ReplicaSet> replicaSets;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.apps.DaemonSet> daemonSets;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.apps.StatefulSet> statefulSets;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.batch.v1.CronJob> cronJobs;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.batch.v1.Job> jobs;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.Namespace> namespaces;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.Node> nodes;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.PersistentVolume> persistentVolumes;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.PersistentVolumeClaim> persistentVolumeClaims;
    private final SharedIndexInformer<io.fabric8.kubernetes.api.model.storage.StorageClass> storageClasses;

    /**
     * @param nodeFilterOnServer ask the API server for this node's pods only (a field selector on
     *                           {@code spec.nodeName}); false lists every pod and filters here (fabric8's mock server
     *                           only applies {@code metadata.*} field selectors)
     */
    ClusterWatch(KubernetesClient client, KubernetesConfig config, PodEvents podEvents, boolean nodeFilterOnServer) {
        KubernetesConfig.Role role = config.role();
        boolean cluster = role.reportsClusterObjects();
        String node = config.nodeName();
        if (role.reportsPods()) {
            pods = informer("pods", node == null || !nodeFilterOnServer
                    ? client.pods().inAnyNamespace()
                    : client.pods().inAnyNamespace().withField("spec.nodeName", node));
            pods.addEventHandler(new PodHandler(pods, podEvents));
            nodes = node == null ? null : informer("nodes", client.nodes().withField("metadata.name", node));
        } else {
            pods = null;
            nodes = null;
        }
        // Pods' parents come from services and controllers, so a host probe needs those too.
        services = informer("services", client.services().inAnyNamespace());
        deployments = informer("deployments", client.apps().deployments().inAnyNamespace());
        daemonSets = informer("daemonsets", client.apps().daemonSets().inAnyNamespace());
        statefulSets = informer("statefulsets", client.apps().statefulSets().inAnyNamespace());
        cronJobs = informer("cronjobs", client.batch().v1().cronjobs().inAnyNamespace());
        jobs = informer("jobs", client.batch().v1().jobs().inAnyNamespace());
        replicaSets = cluster ? informer("replicasets", client.apps().replicaSets().inAnyNamespace()) : null;
        namespaces = cluster ? informer("namespaces", client.namespaces()) : null;
        persistentVolumes = cluster ? informer("persistentvolumes", client.persistentVolumes()) : null;
        persistentVolumeClaims = cluster ? informer("persistentvolumeclaims", client.persistentVolumeClaims().inAnyNamespace()) : null;
        storageClasses = cluster ? informer("storageclasses", client.storage().v1().storageClasses()) : null;
        for (SharedIndexInformer<?> informer : started) {
            informer.start().exceptionally(e -> null); // failures are retried and logged by the exception handler
        }
    }

    /** True once every informer has listed its kind at least once. */
    boolean synced() {
        return started.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** A number that changes whenever any watched object does (for reusing the last report while nothing changed). */
    long version() {
        return changes.get();
    }

    /** This probe's Kubernetes node as last seen, or null (only host probes that know their node name watch it). */
    io.fabric8.kubernetes.api.model.Node node(String name) {
        if (nodes == null || name == null) return null;
        for (io.fabric8.kubernetes.api.model.Node n : nodes.getStore().list()) {
            if (name.equals(n.getMetadata().getName())) return n;
        }
        return null;
    }

    ClusterState state() {
        return new ClusterState(list(pods), list(services), list(deployments), list(replicaSets), list(daemonSets),
                list(statefulSets), list(cronJobs), list(jobs), list(namespaces), list(nodes), list(persistentVolumes),
                list(persistentVolumeClaims), list(storageClasses));
    }

    @Override
    public void close() {
        closed = true;
        for (SharedIndexInformer<?> informer : started) {
            try {
                informer.stop();
            } catch (RuntimeException e) {
                log.debug("stopping an informer failed", e);
            }
        }
    }

    private <T extends HasMetadata> SharedIndexInformer<T> informer(String kind, Informable<T> source) {
        SharedIndexInformer<T> informer = source.runnableInformer(0);
        informer.exceptionHandler((isStarted, t) -> {
            if (closed || clientClosed(t)) return false;
            // Forbidden kinds (RBAC) and an unreachable API server are common: say it once per kind, keep trying.
            if (warned.add(kind)) log.warn("kubernetes: cannot watch {} (retrying in the background): {}", kind, t.toString());
            return true;
        });
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                changes.incrementAndGet();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changes.incrementAndGet();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                changes.incrementAndGet();
            }
        });
        started.add(informer);
        return informer;
    }

    /** Whether the client under the informers was closed: retrying can never succeed then. */
    private static boolean clientClosed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalStateException && String.valueOf(c.getMessage()).contains("closed")) return true;
        }
        return false;
    }

    private static <T> List<T> list(SharedIndexInformer<T> informer) {
        return informer == null ? List.of() : informer.getStore().list();
    }

    private record PodHandler(SharedIndexInformer<Pod> informer, PodEvents events) implements ResourceEventHandler<Pod> {
        @Override
        public void onAdd(Pod pod) {
            if (informer.hasSynced()) tell(events::added, pod);
        }

        @Override
        public void onUpdate(Pod oldPod, Pod newPod) {
        }

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            tell(events::deleted, pod);
        }

        private static void tell(Consumer<Pod> to, Pod pod) {
            try {
                to.accept(pod);
            } catch (RuntimeException e) {
                log.warn("kubernetes: pod event handler failed: {}", e.toString());
            }
        }
    }
}

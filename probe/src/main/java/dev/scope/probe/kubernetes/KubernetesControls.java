package dev.scope.probe.kubernetes;

import static dev.scope.probe.kubernetes.KubernetesKeys.*;

import dev.scope.probe.ControlHandler;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.ProbePipe;
import dev.scope.probe.ProbePipes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Weave Scope's Kubernetes controls: a pod's logs (followed, through a pipe), deleting a pod, scaling a deployment
 * up or down by one, describing any object (through a pipe) and cordoning or uncordoning this host's node. Objects
 * are found by the uid in the node id among the informers' copies, as Weave Scope walks its stores.
 */
final class KubernetesControls {
    private final KubernetesClient client;
    private final Supplier<ClusterState> state;
    private final ProbePipes pipes;
    private final KubernetesConfig config;

    KubernetesControls(KubernetesClient client, Supplier<ClusterState> state, ProbePipes pipes, KubernetesConfig config) {
        this.client = client;
        this.state = state;
        this.pipes = pipes;
        this.config = config;
    }

    Map<String, ControlHandler> handlers() {
        return Map.of(GET_LOGS, this::logs, DELETE_POD, this::deletePod, SCALE_UP, r -> scale(r, +1),
                SCALE_DOWN, r -> scale(r, -1), DESCRIBE, this::describe, CORDON, r -> cordon(true),
                UNCORDON, r -> cordon(false));
    }

    private ControlResponse logs(ControlRequest request) {
        Pod pod = pod(request);
        if (pod == null) return notFound(request, POD);
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        List<StreamPipes.Source> sources = new ArrayList<>();
        try {
            for (String container : PodNodes.containerNames(pod)) {
                LogWatch watch = client.pods().inNamespace(namespace).withName(name).inContainer(container)
                        .usingTimestamps().watchLog();
                sources.add(new StreamPipes.Source(container, watch.getOutput(), watch::close));
            }
        } catch (KubernetesClientException e) {
            sources.forEach(s -> closeQuietly(s));
            return ControlResponse.error(message(e));
        }
        ProbePipe pipe = pipes.open(request.appId());
        StreamPipes.copyLines(pipe, sources);
        return ControlResponse.pipe(pipe.id(), false, null);
    }

    private ControlResponse deletePod(ControlRequest request) {
        Pod pod = pod(request);
        if (pod == null) return notFound(request, POD);
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
        } catch (KubernetesClientException e) {
            return ControlResponse.error(message(e));
        }
        return ControlResponse.ok().withRemovedNode(request.nodeId());
    }

    private ControlResponse scale(ControlRequest request, int by) {
        String uid = idOf(request.nodeId(), DEPLOYMENT);
        if (uid == null) return ControlResponse.error("Invalid ID: " + request.nodeId());
        Deployment d = state.get().deployment(uid).orElse(null);
        if (d == null) return ControlResponse.error("Deployment not found: " + uid);
        try {
            // Read-modify-write with the object's resourceVersion, so a concurrent change is refused, not overwritten.
            client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).withName(d.getMetadata().getName())
                    .edit(current -> {
                        int replicas = current.getSpec().getReplicas() == null ? 1 : current.getSpec().getReplicas();
                        if (replicas + by < 0) throw new IllegalStateException("already scaled down to 0 replicas");
                        current.getSpec().setReplicas(replicas + by);
                        return current;
                    });
        } catch (KubernetesClientException e) {
            return ControlResponse.error(message(e));
        } catch (IllegalStateException e) {
            return ControlResponse.error(e.getMessage());
        }
        return ControlResponse.ok();
    }

    private ControlResponse describe(ControlRequest request) {
        HasMetadata object = state.get().byNodeId(request.nodeId()).orElse(null);
        if (object == null) return ControlResponse.error("Not found: " + request.nodeId());
        String text = Describer.describe(client, object);
        ProbePipe pipe = pipes.open(request.appId());
        StreamPipes.sendAndClose(pipe, text);
        return ControlResponse.pipe(pipe.id(), false, null);
    }

    /** Cordons (or uncordons) the node this probe runs on, as {@code kubectl cordon} does: spec.unschedulable. */
    private ControlResponse cordon(boolean unschedulable) {
        String node = config.nodeName();
        if (node == null) return ControlResponse.error("this probe does not know its Kubernetes node name (set SCOPE_KUBERNETES_NODE_NAME)");
        try {
            var updated = client.nodes().withName(node).edit(n -> {
                n.getSpec().setUnschedulable(unschedulable ? Boolean.TRUE : null);
                return n;
            });
            if (updated == null) return ControlResponse.error("Node not found: " + node);
        } catch (KubernetesClientException e) {
            return ControlResponse.error(message(e));
        }
        return ControlResponse.ok();
    }

    private Pod pod(ControlRequest request) {
        String uid = idOf(request.nodeId(), POD);
        return uid == null ? null : state.get().pod(uid).orElse(null);
    }

    private static ControlResponse notFound(ControlRequest request, String tag) {
        String uid = idOf(request.nodeId(), tag);
        return ControlResponse.error(uid == null ? "Invalid ID: " + request.nodeId() : "Pod not found: " + uid);
    }

    /** The API server's own message (e.g. "forbidden: ..."), without the client's long preamble. */
    static String message(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) return e.getStatus().getMessage();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(StreamPipes.Source s) {
        try {
            s.resource().close();
        } catch (Exception e) {
            // nothing more to do: the stream was never read
        }
    }
}

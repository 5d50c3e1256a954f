package dev.scope.probe.containerd;

import static dev.scope.probe.docker.DockerKeys.*;

import dev.scope.probe.containerd.ContainerdMessages.Container;
import dev.scope.probe.containerd.ContainerdMessages.Task;
import dev.scope.probe.docker.DockerTemplates;
import dev.scope.probe.docker.HumanText;
import dev.scope.report.Control;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.Node;
import dev.scope.report.StringMap;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.util.List;
import java.util.function.Function;

/**
 * containerd's containers as nodes of the Container topology, with the keys Weave Scope uses for Docker's (so the
 * render, the UI and the Kubernetes tagger treat them alike: labels become {@code docker_label_*}, which is where
 * the kubelet's {@code io.kubernetes.pod.uid} is found). Their controls have their own ids, since the Docker
 * module's ids are answered by the Docker engine.
 */
final class ContainerdNodes {
    private ContainerdNodes() {
    }

    static final String NAMESPACE = "containerd_namespace";
    static final String STOP = "containerd_stop_container";
    static final String PAUSE = "containerd_pause_container";
    static final String UNPAUSE = "containerd_unpause_container";

    static final List<Control> CONTROLS = List.of(
            new Control(PAUSE, "Pause", "fa fa-pause", "", 5),
            new Control(UNPAUSE, "Unpause", "fa fa-play", "", 6),
            new Control(STOP, "Stop", "fa fa-stop", "", 7));

    /** The container topology's labels, templates and (unless read-only) containerd's controls, without nodes. */
    static Topology topology(boolean controls) {
        return Topology.described("hexagon", "container", "containers")
                .withControls(controls ? byId(CONTROLS, Control::id) : StringMap.empty())
                .withMetadataTemplates(byId(DockerTemplates.CONTAINER_METADATA, MetadataTemplate::id))
                .withTableTemplates(byId(DockerTemplates.CONTAINER_TABLES, TableTemplate::id));
    }

    /** @param task the container's task, or null when it has none (created, never started) */
    static Node node(String namespace, Container c, Task task, String probeId, long ts) {
        String state = state(task);
        Node.Builder b = Node.builder(containerNodeId(c.id()), TopologyId.CONTAINER.name)
                .putLatest(CONTAINER_ID, c.id(), ts)
                .putLatest(CONTAINER_NAME, name(c), ts)
                .putLatest(CONTAINER_STATE, state, ts)
                .putLatest(CONTAINER_STATE_HUMAN, human(task), ts)
                .putLatest(NAMESPACE, namespace, ts);
        // A read-only probe (null id) offers no controls, as the host reporter does.
        if (probeId != null) b.putLatest(CONTROL_PROBE_ID, probeId, ts).putLatest(ACTIVE_CONTROLS, String.join(";", activeControls(state)), ts);
        // CRI's sandbox ("pause") containers only hold the pod's namespaces; their connections are the pod's.
        if ("sandbox".equals(c.labels().get("io.cri-containerd.kind"))) b.putLatest("does_not_make_connections", "", ts);
        if (!c.image().isEmpty()) b.putLatest(IMAGE_NAME, c.image(), ts);
        if (c.createdAt() != null) b.putLatest(CONTAINER_CREATED, HumanText.rfc3339Nano(c.createdAt()), ts);
        c.labels().forEach((k, v) -> b.putLatest(LABEL_PREFIX + k, v, ts));
        return b.build();
    }

    /** Docker's state words, which the render and UI understand. */
    static String state(Task task) {
        if (task == null) return STATE_CREATED;
        return switch (task.status()) {
            case RUNNING -> STATE_RUNNING;
            case PAUSED, PAUSING -> STATE_PAUSED;
            case STOPPED -> STATE_EXITED;
            case CREATED -> STATE_CREATED;
            case UNKNOWN -> "unknown";
        };
    }

    static String human(Task task) {
        if (task == null) return "Created";
        return switch (task.status()) {
            case RUNNING -> "Up";
            case PAUSED, PAUSING -> "Up (Paused)";
            case STOPPED -> "Exited (" + task.exitStatus() + ")";
            case CREATED -> "Created";
            case UNKNOWN -> "Unknown";
        };
    }

    static List<String> activeControls(String state) {
        return switch (state) {
            case STATE_RUNNING -> List.of(PAUSE, STOP);
            case STATE_PAUSED -> List.of(UNPAUSE, STOP);
            default -> List.of();
        };
    }

    /** The kubelet's container name, nerdctl's name, else the id. */
    static String name(Container c) {
        String k8s = c.labels().get("io.kubernetes.container.name");
        if (k8s != null && !k8s.isEmpty()) return k8s;
        String nerdctl = c.labels().get("nerdctl/name");
        return nerdctl != null && !nerdctl.isEmpty() ? nerdctl : c.id();
    }

    private static <T> StringMap<T> byId(List<T> items, Function<T, String> id) {
        StringMap.Builder<T> b = new StringMap.Builder<>();
        for (T item : items) b.put(id.apply(item), item);
        return b.build();
    }
}

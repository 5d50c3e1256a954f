package dev.scope.probe.containerd;

import dev.scope.probe.ControlHandler;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.GoTimes;
import dev.scope.probe.containerd.ContainerdMessages.Status;
import dev.scope.probe.docker.DockerKeys;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Pause, unpause and stop for containerd's containers. Stop asks the task to end (SIGTERM to all its processes)
 * and kills it (SIGKILL) if it has not within the grace period, as {@code docker stop} does. Each answer carries a
 * shortcut report with the container's new state.
 */
final class ContainerdControls {
    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;

    private final ContainerdClient client;
    private final ContainerdReporter reporter;
    private final Duration stopGrace;

    ContainerdControls(ContainerdClient client, ContainerdReporter reporter, Duration stopGrace) {
        this.client = client;
        this.reporter = reporter;
        this.stopGrace = stopGrace;
    }

    Map<String, ControlHandler> handlers() {
        return Map.of(ContainerdNodes.PAUSE, r -> run(r, client::pause),
                ContainerdNodes.UNPAUSE, r -> run(r, client::resume),
                ContainerdNodes.STOP, r -> run(r, this::stop));
    }

    private interface Action {
        void apply(String namespace, String containerId) throws InterruptedException;
    }

    private ControlResponse run(ControlRequest request, Action action) throws InterruptedException {
        String id = DockerKeys.containerIdOf(request.nodeId());
        if (id == null) return ControlResponse.error("Invalid ID: " + request.nodeId());
        try {
            String ns = reporter.namespaceOf(id).orElse(null);
            if (ns == null) return ControlResponse.error("Not found: " + id);
            action.apply(ns, id);
            return ControlResponse.ok().withShortcut(shortcut(ns, id));
        } catch (StatusRuntimeException e) {
            String description = e.getStatus().getDescription();
            return ControlResponse.error(description == null ? e.getStatus().getCode().toString() : description);
        }
    }

    private void stop(String namespace, String id) throws InterruptedException {
        client.kill(namespace, id, SIGTERM);
        long deadline = System.nanoTime() + stopGrace.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopped(namespace, id)) return;
            Thread.sleep(100); // polling the task list: containerd's event stream would be one more protocol for one control
        }
        if (!stopped(namespace, id)) client.kill(namespace, id, SIGKILL);
    }

    private boolean stopped(String namespace, String id) {
        return client.tasks(namespace).stream().noneMatch(t -> t.containerId().equals(id) && t.status() != Status.STOPPED);
    }

    private Report shortcut(String namespace, String id) {
        long ts = GoTimes.nowNanos();
        List<Node> nodes = reporter.nodes(namespace, ts).stream().filter(n -> n.id().equals(DockerKeys.containerNodeId(id))).toList();
        Report.Builder b = Report.standard("", ts).toBuilder().shortcut(true);
        nodes.forEach(n -> b.node(TopologyId.CONTAINER, n));
        return b.build();
    }
}

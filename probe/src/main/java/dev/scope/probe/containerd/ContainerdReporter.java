package dev.scope.probe.containerd;

import dev.scope.probe.GoTimes;
import dev.scope.probe.Reporter;
import dev.scope.probe.containerd.ContainerdMessages.Container;
import dev.scope.probe.containerd.ContainerdMessages.Task;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * containerd's containers, in every namespace the configuration lets through (by default all but Docker's
 * {@code moby}, whose containers the Docker module reports), listed through the API each spy cycle. When
 * containerd does not answer, this part of the report is empty and the failure is logged once until it answers.
 */
final class ContainerdReporter implements Reporter {
    private static final Logger log = LoggerFactory.getLogger(ContainerdReporter.class);

    private final ContainerdClient client;
    private final Predicate<String> namespaces;
    private final String probeId;
    private volatile boolean failing;
    private volatile Map<Integer, String> containerByInitPid = Map.of();

    /** @param probeId this probe's id on nodes with controls; null for a read-only probe */
    ContainerdReporter(ContainerdClient client, Predicate<String> namespaces, String probeId) {
        this.client = client;
        this.namespaces = namespaces;
        this.probeId = probeId;
    }

    @Override
    public String name() {
        return "containerd";
    }

    @Override
    public Report report() {
        long ts = GoTimes.nowNanos();
        List<Node> nodes = new ArrayList<>();
        Map<Integer, String> inits = new HashMap<>();
        try {
            for (String ns : client.namespaces()) {
                if (namespaces.test(ns)) nodes.addAll(nodes(ns, ts, inits));
            }
            containerByInitPid = Map.copyOf(inits);
            if (failing) log.info("containerd answers again");
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) log.warn("containerd does not answer; its containers are left out until it does: {}", e.toString());
            failing = true;
            return Report.empty();
        }
        Topology t = ContainerdNodes.topology(probeId != null).withNodes(NodeSet.of(nodes));
        return Report.builder().timestamp(ts).topology(TopologyId.CONTAINER, t).build();
    }

    /** The nodes of one namespace's containers, with their tasks' states. */
    List<Node> nodes(String namespace, long ts) {
        return nodes(namespace, ts, new HashMap<>());
    }

    /** Also notes the init pid of each live task in {@code inits}. */
    private List<Node> nodes(String namespace, long ts, Map<Integer, String> inits) {
        Map<String, Task> tasks = new HashMap<>();
        for (Task t : client.tasks(namespace)) {
            tasks.put(t.containerId(), t);
            if (t.pid() > 0 && t.status() != ContainerdMessages.Status.STOPPED) inits.put(t.pid(), t.containerId());
        }
        List<Node> out = new ArrayList<>();
        for (Container c : client.containers(namespace)) out.add(ContainerdNodes.node(namespace, c, tasks.get(c.id()), probeId, ts));
        return out;
    }

    /** Container ids by their task's init pid, as of the last report. */
    Map<Integer, String> containerByInitPid() {
        return containerByInitPid;
    }

    /** The namespace holding a container, by listing (controls name containers by id only). */
    Optional<String> namespaceOf(String containerId) {
        for (String ns : client.namespaces()) {
            if (!namespaces.test(ns)) continue;
            for (Container c : client.containers(ns)) {
                if (c.id().equals(containerId)) return Optional.of(ns);
            }
        }
        return Optional.empty();
    }

    /** The default namespace filter: every namespace but Docker's. */
    static Predicate<String> namespaceFilter(Set<String> only) {
        return only.isEmpty() ? ns -> !ns.equals("moby") : only::contains;
    }
}

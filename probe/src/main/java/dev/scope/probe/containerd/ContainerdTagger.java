package dev.scope.probe.containerd;

import dev.scope.probe.Tagger;
import dev.scope.probe.docker.DockerKeys;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts processes under their containerd container: a task's init process and everything descended from it
 * (followed up the process tree by ppid) get {@code docker_container_id} and the container as parent, as Docker's
 * tagger does for Docker's containers. Processes some other tagger already placed are left alone.
 */
final class ContainerdTagger implements Tagger {
    private static final int MAX_DEPTH = 64;

    private final Supplier<Map<Integer, String>> containerByInitPid;

    /** @param containerByInitPid container ids by the pid of their task's init process, from the last listing */
    ContainerdTagger(Supplier<Map<Integer, String>> containerByInitPid) {
        this.containerByInitPid = containerByInitPid;
    }

    @Override
    public String name() {
        return "containerd";
    }

    @Override
    public Report tag(Report report) {
        Map<Integer, String> inits = containerByInitPid.get();
        NodeSet processes = report.topology(TopologyId.PROCESS).nodes();
        if (inits.isEmpty() || processes.isEmpty()) return report;
        Map<Integer, Integer> parentOf = new HashMap<>();
        for (Node p : processes) {
            Integer pid = number(p.latestValue("pid"));
            Integer ppid = number(p.latestValue("ppid"));
            if (pid != null && ppid != null) parentOf.put(pid, ppid);
        }
        NodeSet tagged = processes;
        for (Node p : processes) {
            if (!p.parentIds(TopologyId.CONTAINER.name).isEmpty()) continue;
            String container = containerOf(number(p.latestValue("pid")), inits, parentOf);
            if (container == null) continue;
            long ts = p.latest().get("pid").timestamp();
            tagged = tagged.replacing(p.toBuilder().putLatest(DockerKeys.CONTAINER_ID, container, ts)
                    .parent(TopologyId.CONTAINER.name, DockerKeys.containerNodeId(container)).build());
        }
        if (tagged == processes) return report;
        NodeSet result = tagged;
        return report.toBuilder().updateTopology(TopologyId.PROCESS, t -> t.withNodes(result)).build();
    }

    private static String containerOf(Integer pid, Map<Integer, String> inits, Map<Integer, Integer> parentOf) {
        Integer current = pid;
        for (int depth = 0; current != null && current > 1 && depth < MAX_DEPTH; depth++) {
            String container = inits.get(current);
            if (container != null) return container;
            current = parentOf.get(current);
        }
        return null;
    }

    private static Integer number(String text) {
        if (text == null || text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) return null;
        long v = Long.parseLong(text);
        return v > Integer.MAX_VALUE ? null : (int) v;
    }
}

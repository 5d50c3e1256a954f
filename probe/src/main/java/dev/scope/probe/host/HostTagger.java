package dev.scope.probe.host;

import dev.scope.probe.Tagger;
import dev.scope.report.Latest;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@code host_node_id} and the host as parent to processes, containers, images and the host itself, as
 * Weave Scope's host tagger does. Endpoints carry their own host id; pods are reported cluster-wide.
 */
public final class HostTagger implements Tagger {
    private static final TopologyId[] TAGGED = {TopologyId.PROCESS, TopologyId.CONTAINER, TopologyId.CONTAINER_IMAGE, TopologyId.HOST};

    private final String hostNodeId;
    private final StringMap<StringSet> parents;

    public HostTagger(String hostNodeId) {
        this.hostNodeId = hostNodeId;
        this.parents = StringMap.of(TopologyId.HOST.name, StringSet.of(hostNodeId));
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public Report tag(Report report) {
        long now = dev.scope.probe.GoTimes.nowNanos();
        Report.Builder b = report.toBuilder();
        for (TopologyId t : TAGGED) {
            Topology topology = report.topology(t);
            if (topology.nodes().isEmpty()) continue;
            List<Node> tagged = new ArrayList<>(topology.nodes().size());
            Latest latest = new Latest(hostNodeId, now);
            for (Node n : topology.nodes()) {
                tagged.add(n.withLatest(n.latest().with("host_node_id", latest))
                        .withParents(n.parents().merge(parents, StringSet::merge)));
            }
            b.topology(t, topology.withNodes(NodeSet.of(tagged)));
        }
        return b.build();
    }
}

package dev.scope.probe.publish;

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
 * The smaller reports sent between full ones, as Weave Scope 1.13's {@code UnsafeUnMerge}: a node section
 * (latest, sets, parents, adjacency) is dropped when it equals the last full report's, ignoring timestamps of
 * latest values; a node with nothing left and no metrics is dropped. Unlike Weave we keep ids and topology
 * names on nodes, which merges the same in the app and keeps our node sets keyed by id.
 */
public final class ReportDelta {
    private ReportDelta() {
    }

    public static Report minus(Report current, Report lastFull) {
        Report.Builder b = current.toBuilder();
        for (TopologyId t : TopologyId.all()) {
            b.topology(t, minus(current.topology(t), lastFull.topology(t)));
        }
        return b.window(current.window()).build();
    }

    private static Topology minus(Topology current, Topology last) {
        if (current.nodes().isEmpty() || last.nodes().isEmpty()) return current;
        List<Node> kept = new ArrayList<>(current.nodes().size());
        for (Node n : current.nodes()) {
            Node before = last.nodes().get(n.id());
            Node reduced = before == null ? n : minus(n, before);
            if (reduced != null) kept.add(reduced);
        }
        return current.withNodes(NodeSet.of(kept));
    }

    /** The node without the sections unchanged since {@code before}; null when nothing is left. */
    static Node minus(Node n, Node before) {
        if (!n.topology().equals(before.topology())) return n;
        boolean latestSame = sameIgnoringTimestamps(n.latest(), before.latest());
        boolean setsSame = n.sets().equals(before.sets());
        boolean parentsSame = n.parents().equals(before.parents());
        boolean adjacencySame = n.adjacency().equals(before.adjacency());
        if (latestSame && setsSame && parentsSame && adjacencySame && n.metrics().isEmpty()) return null;
        return new Node(n.id(), n.topology(),
                latestSame ? StringMap.empty() : n.latest(),
                setsSame ? StringMap.empty() : n.sets(),
                adjacencySame ? StringSet.EMPTY : n.adjacency(),
                n.metrics(),
                parentsSame ? StringMap.empty() : n.parents(),
                n.children());
    }

    private static boolean sameIgnoringTimestamps(StringMap<dev.scope.report.Latest> a, StringMap<dev.scope.report.Latest> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.keyAt(i).equals(b.keyAt(i)) || !a.valueAt(i).value().equals(b.valueAt(i).value())) return false;
        }
        return true;
    }
}

package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Join;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.render.graph.Steps;
import dev.scope.report.TopologyId;

import java.util.List;

/**
 * Groups nodes under their parents of given topologies (Weave's Map2Parent / renderParents), e.g.
 * containers under pods. Nodes with no such parent go to a per-host pseudo node (e.g. "Unmanaged")
 * when {@code noParentPseudo} is set, else they are dropped.
 */
final class ParentGrouping {
    private ParentGrouping() {
    }

    /**
     * The parents' own nodes, plus the children mapped onto them; a parent with a single child of
     * {@code childTopology} shows that child's metrics.
     */
    static Nodes renderParents(RenderContext ctx, List<TopologyId> parents, String noParentPseudo, String childTopology,
                               Nodes children) {
        Nodes out = Nodes.EMPTY;
        for (TopologyId t : parents) out = out.merge(ctx.select(t));
        return out.merge(propagateSingleMetrics(mapToParents(children, parents, noParentPseudo), childTopology));
    }

    /** A node with exactly one (connection-making) child of {@code topology} takes that child's metrics (Weave's PropagateSingleMetrics). */
    static Nodes propagateSingleMetrics(Nodes nodes, String topology) {
        return Steps.mapValues(nodes, n -> {
            RNode only = null;
            int count = 0;
            for (RNode child : n.children().values()) {
                if (child.topology().equals(topology) && !child.hasLatest(Keys.DOES_NOT_MAKE_CONNECTIONS)) {
                    only = child;
                    count++;
                }
            }
            return count == 1 ? n.withMetrics(only.metrics()) : n;
        });
    }

    static Nodes mapToParents(Nodes input, List<TopologyId> parents, String noParentPseudo) {
        Join ret = new Join();
        for (RNode n : input.nodes().values()) {
            if (noParentPseudo != null && n.id().startsWith(Ids.UNCONTAINED_PREFIX)) {
                String id = Ids.pseudo(noParentPseudo, n.id().substring(Ids.UNCONTAINED_PREFIX.length()));
                ret.addChildAndChildren(n, id, Ids.PSEUDO);
                ret.propagateLatestIfAbsent(id, Keys.HOST_NODE_ID, n);
                continue;
            }
            if (n.isPseudo()) {
                ret.passThrough(n);
                continue;
            }
            boolean added = false;
            for (TopologyId t : parents) {
                for (String parentId : n.parentIds(t.name)) {
                    ret.addChildAndChildren(n, parentId, t.name);
                    added = true;
                }
            }
            if (!added && noParentPseudo != null) {
                String id = Ids.pseudo(noParentPseudo, Ids.hostOf(n));
                ret.addChildAndChildren(n, id, Ids.PSEUDO);
                ret.propagateLatestIfAbsent(id, Keys.HOST_NODE_ID, n);
            }
        }
        return ret.result(input);
    }
}

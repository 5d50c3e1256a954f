package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Join;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.render.graph.Steps;
import dev.scope.report.TopologyId;

/** Processes joined with their connections, and processes grouped by name. */
public final class ProcessTopology {
    static final String NAME_GROUP = Ids.groupTopology("process", Keys.NAME);

    private ProcessTopology() {
    }

    /** Weave's ProcessRenderer: the process topology with endpoint edges mapped onto processes by host and pid. */
    public static Nodes processes(RenderContext ctx) {
        return ctx.memoised("processes", ProcessTopology::renderProcesses);
    }

    private static Nodes renderProcesses(RenderContext ctx) {
        if (ctx.select(TopologyId.PROCESS).size() == 0) return Nodes.EMPTY;
        Nodes endpoints = ctx.select(TopologyId.ENDPOINT);
        return EndpointMapping.map(ctx, TopologyId.PROCESS, e -> processIdOf(e, endpoints));
    }

    private static String processIdOf(RNode endpoint, Nodes endpoints) {
        String pid = endpoint.latestValue(Keys.PID);
        if (pid == null || hasMoreThanOneConnection(endpoint, endpoints)) return null;
        String host = Ids.hostOf(endpoint);
        return host.isEmpty() ? null : Ids.process(host, pid);
    }

    /**
     * A source endpoint with connections to different remote endpoints may have been reused by
     * another process, so its pid is not trusted (weaveworks/scope#2665). NAT copies count as one.
     */
    private static boolean hasMoreThanOneConnection(RNode n, Nodes endpoints) {
        if (n.adjacency().size() < 2) return false;
        String first = null;
        for (String id : n.adjacency()) {
            RNode ep = endpoints.get(id);
            String real = id;
            if (ep != null && ep.hasLatest(Keys.COPY_OF)) real = ep.latestValue(Keys.COPY_OF);
            if (first == null) first = real;
            else if (!first.equals(real)) return true;
        }
        return false;
    }

    /** The "processes" API topology: processes marked connected or not (for the unconnected option). */
    public static Nodes connectedProcesses(RenderContext ctx) {
        return ctx.memoised("connected-processes", c -> Steps.colorConnected(processes(c)));
    }

    /** The "processes-by-name" API topology: one node per process name. */
    public static Nodes processNames(RenderContext ctx) {
        return ctx.memoised("process-names", c -> Steps.colorConnected(groupByName(processes(c))));
    }

    private static Nodes groupByName(Nodes processes) {
        Join ret = new Join();
        for (RNode n : processes.nodes().values()) {
            if (n.isPseudo()) {
                ret.passThrough(n);
                continue;
            }
            String name = n.latestValue(Keys.NAME);
            if (name != null) ret.addChildAndChildren(n, name, NAME_GROUP);
        }
        return ret.result(processes);
    }
}

package dev.scope.render.topology;

import dev.scope.render.graph.Join;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.report.TopologyId;

/** Hosts, with everything that runs on them as children and their connections as edges. */
public final class HostTopology {
    private HostTopology() {
    }

    public static Nodes hosts(RenderContext ctx) {
        return ctx.memoised("hosts", c -> toHosts(ProcessTopology.processes(c))
                .merge(toHosts(ContainerTopology.containers(c)))
                .merge(toHosts(ContainerTopology.images(c)))
                .merge(toHosts(KubernetesTopology.pods(c)))
                .merge(EndpointMapping.map(c, TopologyId.HOST, e -> e.latestValue(Keys.HOST_NODE_ID))));
    }

    /** Each node becomes a child of its host(s); images span hosts, so their edges are not mapped. */
    private static Nodes toHosts(Nodes nodes) {
        Join ret = new Join();
        for (RNode n : nodes.nodes().values()) {
            if (n.isPseudo()) continue;
            boolean image = "container_image".equals(n.topology());
            for (String hostId : n.parentIds("host")) {
                if (image) ret.addUnmappedChild(n, hostId, "host");
                else ret.addChild(n, hostId, "host");
            }
        }
        return ret.result(nodes);
    }
}

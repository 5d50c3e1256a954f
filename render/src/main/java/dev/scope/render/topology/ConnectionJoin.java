package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.report.TopologyId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Attributes connections to nodes by IP address (Weave's ConnectionJoin): an endpoint whose address
 * (or address and port, for port mappings) belongs to exactly one node becomes that node's child.
 * An address claimed by two nodes is ambiguous and attributes nothing.
 */
final class ConnectionJoin {
    private ConnectionJoin() {
    }

    /** @param addressesOf endpoint-style ids {@code scope;addr;} or {@code scope;addr;port} a node owns */
    static Nodes join(RenderContext ctx, TopologyId topology, Function<RNode, List<String>> addressesOf) {
        return join(ctx, topology, ctx.select(topology), addressesOf);
    }

    /** As above, joining onto {@code targets} (nodes of {@code topology}, possibly adjusted). */
    static Nodes join(RenderContext ctx, TopologyId topology, Nodes targets, Function<RNode, List<String>> addressesOf) {
        Map<String, String> owners = new HashMap<>();
        for (RNode n : targets.nodes().values()) {
            for (String address : addressesOf.apply(n)) {
                owners.merge(address, n.id(), (first, second) -> "");
            }
        }
        return EndpointMapping.map(ctx, topology, targets, endpoint -> ownerOf(endpoint, owners));
    }

    private static String ownerOf(RNode endpoint, Map<String, String> owners) {
        String[] parts = Ids.endpoint(endpoint.id());
        if (parts == null) return null;
        String owner = owners.get(Ids.scopedEndpoint(parts[0], parts[1], ""));
        if (owner == null) owner = owners.get(Ids.scopedEndpoint(parts[0], parts[1], parts[2]));
        return owner == null || owner.isEmpty() ? null : owner;
    }
}

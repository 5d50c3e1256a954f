package dev.scope.render.topology;

import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Join;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.Networks;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.report.DnsRecord;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Joins endpoints (connections) onto another topology (Weave's MapEndpoints): each endpoint becomes a
 * child of the node {@code toNodeId} names, or of a pseudo node when it is external (the Internet or
 * a known cloud service); the endpoints' edges become edges between those nodes.
 */
public final class EndpointMapping {
    private static final Pattern KNOWN_SERVICE = Pattern.compile("^.+\\.(amazonaws\\.com|googleapis\\.com|core\\.windows\\.net"
            + "|servicebus\\.windows\\.net|azure-api\\.net|onmicrosoft\\.com|cloudapp\\.azure\\.com|database\\.windows\\.net"
            + "|documents\\.azure\\.com)$");
    private static final Pattern KNOWN_SERVICE_EXCLUDED = Pattern.compile("^(ec2.*\\.amazonaws\\.com)$");

    private EndpointMapping() {
    }

    /** @param toNodeId the id of the node an endpoint with a host belongs to, or null to drop it */
    public static Nodes map(RenderContext ctx, TopologyId topology, Function<RNode, String> toNodeId) {
        return map(ctx, topology, ctx.select(topology), toNodeId);
    }

    /** As above, starting from {@code targets} instead of the report's nodes of {@code topology}. */
    static Nodes map(RenderContext ctx, TopologyId topology, Nodes targets, Function<RNode, String> toNodeId) {
        Nodes endpoints = ctx.select(TopologyId.ENDPOINT);
        Join ret = new Join(targets.nodes());
        for (RNode n : endpoints.nodes().values()) {
            if (!n.hasLatest(Keys.HOST_NODE_ID)) {
                String pseudo = externalNodeId(ctx.report(), n, ctx.localNetworks());
                if (pseudo != null) {
                    ret.addChild(n, pseudo, Ids.PSEUDO);
                    continue;
                }
            }
            String id = toNodeId.apply(n);
            if (id != null && !id.isEmpty()) ret.addChild(n, id, topology.name);
        }
        return ret.result(endpoints);
    }

    /** The pseudo node an external endpoint belongs to, or null when it is not external. */
    static String externalNodeId(Report report, RNode endpoint, Networks local) {
        String[] parts = Ids.endpoint(endpoint.id());
        if (parts == null) return null;
        String service = firstKnownService(report, parts[1]);
        if (service != null) return Ids.SERVICE_PREFIX + service;
        // Weave 1.13 parses IPv4 only here: an IPv6 peer is never "the Internet".
        byte[] ip = Networks.parseIp(parts[1]);
        if (ip != null && ip.length == 4 && !local.contains(ip)) {
            return endpoint.adjacency().isEmpty() ? Ids.OUTGOING_INTERNET : Ids.INCOMING_INTERNET;
        }
        return null;
    }

    private static String firstKnownService(Report report, String addr) {
        DnsRecord names = report.dns().get(addr);
        if (names == null) return null;
        for (String name : names.forward()) if (isKnownService(name)) return name;
        for (String name : names.reverse()) if (isKnownService(name)) return name;
        return null;
    }

    static boolean isKnownService(String hostname) {
        return KNOWN_SERVICE.matcher(hostname).matches() && !KNOWN_SERVICE_EXCLUDED.matcher(hostname).matches();
    }
}

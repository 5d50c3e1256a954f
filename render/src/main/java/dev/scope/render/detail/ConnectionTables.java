package dev.scope.render.detail;

import dev.scope.render.NodeDetails.Connection;
import dev.scope.render.NodeDetails.ConnectionsTable;
import dev.scope.render.NodeDetails.GroupColumn;
import dev.scope.render.NodeSummary.MetadataRow;
import dev.scope.render.graph.Ids;
import dev.scope.render.graph.Keys;
import dev.scope.render.graph.RNode;
import dev.scope.report.DnsRecord;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inbound and outbound connection tables of a node's details (Weave's render/detailed/connections.go):
 * one row per remote node and destination port, counting connections by their source endpoint so each
 * is counted once; connections of the Internet node are broken out by remote address.
 */
final class ConnectionTables {
    private static final List<GroupColumn> NORMAL = List.of(
            new GroupColumn("port", "Port", false, "number"),
            new GroupColumn("count", "Count", true, "number"));
    private static final List<GroupColumn> INTERNET = List.of(
            new GroupColumn("remote", "Remote", false, ""),
            new GroupColumn("port", "Port", false, "number"),
            new GroupColumn("count", "Count", true, "number"));

    private record Key(String remoteNodeId, String remoteAddr, String localAddr, String port) {
    }

    /** Counts connections, each source endpoint once. */
    private static final class Counter {
        private final Report report;
        private final Set<String> counted = new HashSet<>();
        private final Map<Key, Integer> counts = new LinkedHashMap<>();

        Counter(Report report) {
            this.report = report;
        }

        void add(boolean outgoing, RNode localNode, RNode remoteNode, Node localEndpoint, Node remoteEndpoint) {
            Node src = outgoing ? localEndpoint : remoteEndpoint;
            Node dst = outgoing ? remoteEndpoint : localEndpoint;
            String connectionId = src == null ? "" : src.id();
            if (src != null && src.latestValue(Keys.COPY_OF) != null) connectionId = src.latestValue(Keys.COPY_OF);
            if (counted.contains(connectionId)) return;
            String[] dstParts = dst == null ? null : Ids.endpoint(dst.id());
            if (dstParts == null) return;
            String remoteAddr = internetAddr(remoteNode, remoteEndpoint);
            String localAddr = internetAddr(localNode, localEndpoint);
            if (remoteAddr == null || localAddr == null) return;
            counted.add(connectionId);
            counts.merge(new Key(remoteNode.id(), remoteAddr, localAddr, dstParts[2]), 1, Integer::sum);
        }

        /** "" for a non-Internet node; else the endpoint's address, with its first DNS name; null if unparseable. */
        private String internetAddr(RNode node, Node endpoint) {
            if (!Ids.isInternet(node.id())) return "";
            String[] parts = endpoint == null ? null : Ids.endpoint(endpoint.id());
            if (parts == null) return null;
            DnsRecord names = report.dns().get(parts[1]);
            String name = null;
            if (names != null) name = !names.forward().isEmpty() ? names.forward().getFirst()
                    : !names.reverse().isEmpty() ? names.reverse().getFirst() : null;
            return name == null ? parts[1] : name + " (" + parts[1] + ")";
        }

        List<Connection> rows(Map<String, RNode> nodes, boolean includeLocal) {
            List<Connection> out = new ArrayList<>();
            counts.forEach((key, count) -> {
                RNode remote = nodes.get(key.remoteNodeId);
                Summaries.Basic summary = remote == null ? null : Summaries.basic(report, remote);
                String nodeId = summary == null ? "" : summary.id();
                String label = summary == null ? "" : summary.label();
                String minor = summary == null ? "" : summary.labelMinor();
                if (!key.remoteAddr.isEmpty()) {
                    label = key.remoteAddr;
                    minor = "";
                }
                List<MetadataRow> metadata = new ArrayList<>();
                if (includeLocal) metadata.add(new MetadataRow("remote", "", key.localAddr, 0, "", 0));
                metadata.add(new MetadataRow("port", "", key.port, 0, "", 0));
                metadata.add(new MetadataRow("count", "", Integer.toString(count), 0, "", 0));
                String id = key.remoteNodeId + "-" + key.remoteAddr + "-" + key.localAddr + "-" + key.port;
                out.add(new Connection(id, nodeId, label, minor, metadata));
            });
            out.sort(Comparator.comparing(Connection::id));
            return out;
        }
    }

    private ConnectionTables() {
    }

    static List<ConnectionsTable> of(String topologyUrlId, Report report, RNode n, Map<String, RNode> nodes) {
        boolean internet = Ids.isInternet(n.id());
        List<GroupColumn> columns = internet ? INTERNET : NORMAL;
        return List.of(
                new ConnectionsTable("incoming-connections", topologyUrlId, "Inbound", columns,
                        incoming(report, n, nodes).rows(nodes, internet)),
                new ConnectionsTable("outgoing-connections", topologyUrlId, "Outbound", columns,
                        outgoing(report, n, nodes).rows(nodes, internet)));
    }

    private static Counter incoming(Report report, RNode n, Map<String, RNode> nodes) {
        Map<String, String> localCopies = new LinkedHashMap<>();
        Set<String> localIds = endpointIds(n, localCopies);
        Counter counter = new Counter(report);
        for (RNode node : nodes.values()) {
            if (!node.adjacency().contains(n.id())) continue;
            for (RNode remoteEndpoint : endpointChildren(node)) {
                for (String localId : remoteEndpoint.adjacency()) {
                    if (!localIds.contains(localId)) continue;
                    String canonical = localCopies.getOrDefault(localId, localId);
                    counter.add(false, n, node, endpoint(report, canonical), asNode(report, remoteEndpoint));
                }
            }
        }
        return counter;
    }

    private static Counter outgoing(Report report, RNode n, Map<String, RNode> nodes) {
        List<RNode> localEndpoints = endpointChildren(n);
        Counter counter = new Counter(report);
        for (String id : n.adjacency()) {
            RNode node = nodes.get(id);
            if (node == null) continue;
            Map<String, String> remoteCopies = new LinkedHashMap<>();
            Set<String> remoteIds = endpointIds(node, remoteCopies);
            for (RNode localEndpoint : localEndpoints) {
                for (String remoteId : localEndpoint.adjacency()) {
                    if (!remoteIds.contains(remoteId)) continue;
                    String canonical = remoteCopies.getOrDefault(remoteId, remoteId);
                    counter.add(true, n, node, asNode(report, localEndpoint), endpoint(report, canonical));
                }
            }
        }
        return counter;
    }

    private static Node endpoint(Report report, String id) {
        return report.topology(TopologyId.ENDPOINT).nodes().get(id);
    }

    private static Node asNode(Report report, RNode endpoint) {
        Node n = endpoint(report, endpoint.id());
        return n != null ? n : Node.of(endpoint.id(), "endpoint").withLatest(endpoint.latest());
    }

    private static List<RNode> endpointChildren(RNode n) {
        List<RNode> out = new ArrayList<>();
        for (RNode c : n.children().values()) if ("endpoint".equals(c.topology())) out.add(c);
        out.sort(Comparator.comparing(RNode::id));
        return out;
    }

    private static Set<String> endpointIds(RNode n, Map<String, String> copies) {
        Set<String> ids = new HashSet<>();
        for (RNode c : n.children().values()) {
            if (!"endpoint".equals(c.topology())) continue;
            ids.add(c.id());
            String copyOf = c.latestValue(Keys.COPY_OF);
            if (copyOf != null) copies.put(c.id(), copyOf);
        }
        return ids;
    }
}

package dev.scope.render;

import java.util.List;

/**
 * The answer of {@code GET /api/topology/{t}/{id}}: {@code {"node": {...}}} — the summary with full
 * metric samples, plus controls, children grouped by topology and the inbound/outbound connection tables.
 */
public record NodeDetails(NodeSummary summary, List<ControlInstance> controls, List<ChildGroup> children,
                          List<ConnectionsTable> connections) {
    public NodeDetails {
        controls = List.copyOf(controls);
        children = List.copyOf(children);
        connections = List.copyOf(connections);
    }

    /** A control that is active on this node, with what the UI needs to invoke it. */
    public record ControlInstance(String probeId, String nodeId, String id, String human, String icon,
                                  String confirmation, int rank) {
    }

    /** Children of one topology, e.g. the processes of a container. */
    public record ChildGroup(String id, String label, List<NodeSummary> nodes, String topologyId, List<GroupColumn> columns) {
        public ChildGroup {
            nodes = List.copyOf(nodes);
            columns = List.copyOf(columns);
        }
    }

    public record GroupColumn(String id, String label, boolean defaultSort, String dataType) {
    }

    /** The {@code incoming-connections} or {@code outgoing-connections} table. */
    public record ConnectionsTable(String id, String topologyId, String label, List<GroupColumn> columns,
                                   List<Connection> connections) {
        public ConnectionsTable {
            columns = List.copyOf(columns);
            connections = List.copyOf(connections);
        }
    }

    /** One row: the remote node, and port/count (and remote address for the Internet). */
    public record Connection(String id, String nodeId, String label, String labelMinor, List<NodeSummary.MetadataRow> metadata) {
        public Connection {
            metadata = List.copyOf(metadata);
        }
    }
}

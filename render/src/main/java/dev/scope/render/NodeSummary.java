package dev.scope.render;

import java.util.List;

/**
 * A rendered node as the topology views and websocket diffs carry it. Empty strings for
 * {@code shape}/{@code tag}, false flags and empty lists are left out of the JSON, as Weave does.
 * Metrics carry no samples here (only in node details).
 */
public record NodeSummary(String id, String label, String labelMinor, String rank, String shape, String tag,
                          boolean stack, boolean pseudo, List<MetadataRow> metadata, List<Parent> parents,
                          List<MetricRow> metrics, List<Table> tables, List<String> adjacency) {
    public NodeSummary {
        metadata = List.copyOf(metadata);
        parents = List.copyOf(parents);
        metrics = List.copyOf(metrics);
        tables = List.copyOf(tables);
        adjacency = List.copyOf(adjacency);
    }

    public NodeSummary withMetrics(List<MetricRow> newMetrics) {
        return new NodeSummary(id, label, labelMinor, rank, shape, tag, stack, pseudo, metadata, parents, newMetrics, tables, adjacency);
    }

    public NodeSummary withMetadata(List<MetadataRow> newMetadata) {
        return new NodeSummary(id, label, labelMinor, rank, shape, tag, stack, pseudo, newMetadata, parents, metrics, tables, adjacency);
    }

    public NodeSummary withTables(List<Table> newTables) {
        return new NodeSummary(id, label, labelMinor, rank, shape, tag, stack, pseudo, metadata, parents, metrics, newTables, adjacency);
    }

    /** One metadata row; {@code priority} 0, empty {@code dataType} and {@code truncate} 0 are omitted. */
    public record MetadataRow(String id, String label, String value, double priority, String dataType, int truncate) {
    }

    /** A link to a node this one belongs to, e.g. a container's host. */
    public record Parent(String id, String label, String topologyId) {
    }

    /**
     * One metric: the newest value, the plot range and the samples ({@code null} in summaries).
     * {@code url} is always empty: Weave fills it only when a metrics graph URL is configured.
     */
    public record MetricRow(String id, String label, String format, String group, double value, double priority,
                            List<Sample> samples, double min, double max, String url) {
        public MetricRow {
            samples = samples == null ? null : List.copyOf(samples);
        }

        public MetricRow summarized() {
            return samples == null ? this : new MetricRow(id, label, format, group, value, priority, null, min, max, url);
        }
    }

    /** A metric sample; {@code date} in Unix nanoseconds, written as Go's RFC3339Nano. */
    public record Sample(long date, double value) {
    }

    /** A table of the node's details, e.g. Docker labels. {@code columns} null for property lists. */
    public record Table(String id, String label, String type, List<Column> columns, List<Row> rows, int truncationCount) {
        public Table {
            columns = columns == null ? null : List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    public record Column(String id, String label, String dataType) {
    }

    /** A table row: entries by column id ({@code label}/{@code value} for property lists), kept sorted. */
    public record Row(String id, java.util.SortedMap<String, String> entries) {
        public Row {
            entries = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(entries));
        }
    }
}

package dev.scope.render.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.scope.render.NodeDetails;
import dev.scope.render.NodeSummary;
import dev.scope.render.RenderedTopology;
import dev.scope.render.TopologyDiff;
import dev.scope.render.TopologyList;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Streams views as JSON with Weave's field names, field order and omit-when-empty rules
 * (Go's {@code omitempty}: empty strings, false, 0 and empty lists left out; some lists written as null).
 */
public final class ViewWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    // Field names pre-encoded once: summaries repeat them tens of thousands of times per topology.
    private static final SerializedString F_ADJACENCY = new SerializedString("adjacency");
    private static final SerializedString F_CHILDREN = new SerializedString("children");
    private static final SerializedString F_COLUMNS = new SerializedString("columns");
    private static final SerializedString F_CONFIRMATION = new SerializedString("confirmation");
    private static final SerializedString F_CONNECTIONS = new SerializedString("connections");
    private static final SerializedString F_CONTROLS = new SerializedString("controls");
    private static final SerializedString F_DATA_TYPE = new SerializedString("dataType");
    private static final SerializedString F_DATE = new SerializedString("date");
    private static final SerializedString F_DEFAULT_SORT = new SerializedString("defaultSort");
    private static final SerializedString F_DEFAULT_VALUE = new SerializedString("defaultValue");
    private static final SerializedString F_EDGE_COUNT = new SerializedString("edge_count");
    private static final SerializedString F_ENTRIES = new SerializedString("entries");
    private static final SerializedString F_FILTERED_NODES = new SerializedString("filtered_nodes");
    private static final SerializedString F_FORMAT = new SerializedString("format");
    private static final SerializedString F_GROUP = new SerializedString("group");
    private static final SerializedString F_HIDE_IF_EMPTY = new SerializedString("hide_if_empty");
    private static final SerializedString F_HUMAN = new SerializedString("human");
    private static final SerializedString F_ICON = new SerializedString("icon");
    private static final SerializedString F_ID = new SerializedString("id");
    private static final SerializedString F_LABEL = new SerializedString("label");
    private static final SerializedString F_LABEL_MINOR = new SerializedString("labelMinor");
    private static final SerializedString F_MAX = new SerializedString("max");
    private static final SerializedString F_METADATA = new SerializedString("metadata");
    private static final SerializedString F_METRICS = new SerializedString("metrics");
    private static final SerializedString F_MIN = new SerializedString("min");
    private static final SerializedString F_NAME = new SerializedString("name");
    private static final SerializedString F_NODE = new SerializedString("node");
    private static final SerializedString F_NODE_ID = new SerializedString("nodeId");
    private static final SerializedString F_NODE_COUNT = new SerializedString("node_count");
    private static final SerializedString F_NODES = new SerializedString("nodes");
    private static final SerializedString F_NONE_LABEL = new SerializedString("noneLabel");
    private static final SerializedString F_NONPSEUDO_NODE_COUNT = new SerializedString("nonpseudo_node_count");
    private static final SerializedString F_OPTIONS = new SerializedString("options");
    private static final SerializedString F_PARENTS = new SerializedString("parents");
    private static final SerializedString F_PRIORITY = new SerializedString("priority");
    private static final SerializedString F_PROBE_ID = new SerializedString("probeId");
    private static final SerializedString F_PSEUDO = new SerializedString("pseudo");
    private static final SerializedString F_RANK = new SerializedString("rank");
    private static final SerializedString F_REMOVE = new SerializedString("remove");
    private static final SerializedString F_RESET = new SerializedString("reset");
    private static final SerializedString F_ROWS = new SerializedString("rows");
    private static final SerializedString F_SAMPLES = new SerializedString("samples");
    private static final SerializedString F_SELECT_TYPE = new SerializedString("selectType");
    private static final SerializedString F_SHAPE = new SerializedString("shape");
    private static final SerializedString F_STACK = new SerializedString("stack");
    private static final SerializedString F_STATS = new SerializedString("stats");
    private static final SerializedString F_SUB_TOPOLOGIES = new SerializedString("sub_topologies");
    private static final SerializedString F_TABLES = new SerializedString("tables");
    private static final SerializedString F_TAG = new SerializedString("tag");
    private static final SerializedString F_TOPOLOGY_ID = new SerializedString("topologyId");
    private static final SerializedString F_TRUNCATE = new SerializedString("truncate");
    private static final SerializedString F_TRUNCATION_COUNT = new SerializedString("truncationCount");
    private static final SerializedString F_TYPE = new SerializedString("type");
    private static final SerializedString F_URL = new SerializedString("url");
    private static final SerializedString F_VALUE = new SerializedString("value");

    private ViewWriter() {
    }

    private static void field(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void number(JsonGenerator g, SerializedString name, double value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void number(JsonGenerator g, SerializedString name, int value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void bool(JsonGenerator g, SerializedString name, boolean value) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    private static void arrayStart(JsonGenerator g, SerializedString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
    }

    private static void objectStart(JsonGenerator g, SerializedString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
    }

    public static void write(Object view, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            switch (view) {
                case TopologyList list -> writeTopologyList(g, list);
                case RenderedTopology t -> writeTopology(g, t);
                case NodeDetails d -> writeDetails(g, d);
                case TopologyDiff d -> writeDiff(g, d);
                case NodeSummary s -> writeSummary(g, s);
                case null -> g.writeNull();
                default -> throw new IllegalArgumentException("not a view: " + view.getClass().getName());
            }
        }
    }

    private static void writeTopologyList(JsonGenerator g, TopologyList list) throws IOException {
        g.writeStartArray();
        for (TopologyList.TopologyDesc d : list.topologies()) writeDesc(g, d);
        g.writeEndArray();
    }

    private static void writeDesc(JsonGenerator g, TopologyList.TopologyDesc d) throws IOException {
        g.writeStartObject();
        bool(g, F_HIDE_IF_EMPTY, d.hideIfEmpty());
        field(g, F_NAME, d.name());
        g.writeFieldName(F_OPTIONS);
        if (d.options() == null) g.writeNull();
        else {
            g.writeStartArray();
            for (TopologyList.OptionGroup o : d.options()) writeOptionGroup(g, o);
            g.writeEndArray();
        }
        number(g, F_RANK, d.rank());
        objectStart(g, F_STATS);
        number(g, F_EDGE_COUNT, d.stats().edgeCount());
        number(g, F_FILTERED_NODES, d.stats().filteredNodes());
        number(g, F_NODE_COUNT, d.stats().nodeCount());
        number(g, F_NONPSEUDO_NODE_COUNT, d.stats().nonpseudoNodeCount());
        g.writeEndObject();
        if (!d.subTopologies().isEmpty()) {
            arrayStart(g, F_SUB_TOPOLOGIES);
            for (TopologyList.TopologyDesc s : d.subTopologies()) writeDesc(g, s);
            g.writeEndArray();
        }
        field(g, F_URL, d.url());
        g.writeEndObject();
    }

    private static void writeOptionGroup(JsonGenerator g, TopologyList.OptionGroup o) throws IOException {
        g.writeStartObject();
        field(g, F_DEFAULT_VALUE, o.defaultValue());
        field(g, F_ID, o.id());
        if (!o.noneLabel().isEmpty()) field(g, F_NONE_LABEL, o.noneLabel());
        if (!o.options().isEmpty()) {
            arrayStart(g, F_OPTIONS);
            for (TopologyList.Option option : o.options()) {
                g.writeStartObject();
                field(g, F_LABEL, option.label());
                field(g, F_VALUE, option.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!o.selectType().isEmpty()) field(g, F_SELECT_TYPE, o.selectType());
        g.writeEndObject();
    }

    private static void writeTopology(JsonGenerator g, RenderedTopology t) throws IOException {
        g.writeStartObject();
        objectStart(g, F_NODES);
        for (Map.Entry<String, NodeSummary> e : t.nodes().entrySet()) {
            g.writeFieldName(e.getKey());
            writeSummary(g, e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeDiff(JsonGenerator g, TopologyDiff d) throws IOException {
        g.writeStartObject();
        writeSummaries(g, "add", d.add());
        writeSummaries(g, "update", d.update());
        g.writeFieldName(F_REMOVE);
        if (d.remove().isEmpty()) g.writeNull();
        else {
            g.writeStartArray();
            for (String id : d.remove()) g.writeString(id);
            g.writeEndArray();
        }
        if (d.reset()) bool(g, F_RESET, true);
        g.writeEndObject();
    }

    private static void writeSummaries(JsonGenerator g, String field, List<NodeSummary> nodes) throws IOException {
        g.writeFieldName(field);
        if (nodes.isEmpty()) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (NodeSummary s : nodes) writeSummary(g, s);
        g.writeEndArray();
    }

    private static void writeDetails(JsonGenerator g, NodeDetails d) throws IOException {
        g.writeStartObject();
        g.writeFieldName(F_NODE);
        g.writeStartObject();
        writeSummaryFields(g, d.summary());
        arrayStart(g, F_CONTROLS);
        for (NodeDetails.ControlInstance c : d.controls()) {
            g.writeStartObject();
            field(g, F_PROBE_ID, c.probeId());
            field(g, F_NODE_ID, c.nodeId());
            field(g, F_ID, c.id());
            field(g, F_HUMAN, c.human());
            field(g, F_ICON, c.icon());
            if (!c.confirmation().isEmpty()) field(g, F_CONFIRMATION, c.confirmation());
            number(g, F_RANK, c.rank());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!d.children().isEmpty()) {
            arrayStart(g, F_CHILDREN);
            for (NodeDetails.ChildGroup c : d.children()) writeChildGroup(g, c);
            g.writeEndArray();
        }
        if (!d.connections().isEmpty()) {
            arrayStart(g, F_CONNECTIONS);
            for (NodeDetails.ConnectionsTable t : d.connections()) writeConnections(g, t);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeChildGroup(JsonGenerator g, NodeDetails.ChildGroup c) throws IOException {
        g.writeStartObject();
        field(g, F_ID, c.id());
        field(g, F_LABEL, c.label());
        arrayStart(g, F_NODES);
        for (NodeSummary s : c.nodes()) writeSummary(g, s);
        g.writeEndArray();
        field(g, F_TOPOLOGY_ID, c.topologyId());
        writeGroupColumns(g, c.columns());
        g.writeEndObject();
    }

    private static void writeGroupColumns(JsonGenerator g, List<NodeDetails.GroupColumn> columns) throws IOException {
        arrayStart(g, F_COLUMNS);
        for (NodeDetails.GroupColumn col : columns) {
            g.writeStartObject();
            field(g, F_ID, col.id());
            field(g, F_LABEL, col.label());
            bool(g, F_DEFAULT_SORT, col.defaultSort());
            field(g, F_DATA_TYPE, col.dataType());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeConnections(JsonGenerator g, NodeDetails.ConnectionsTable t) throws IOException {
        g.writeStartObject();
        field(g, F_ID, t.id());
        field(g, F_TOPOLOGY_ID, t.topologyId());
        field(g, F_LABEL, t.label());
        writeGroupColumns(g, t.columns());
        arrayStart(g, F_CONNECTIONS);
        for (NodeDetails.Connection c : t.connections()) {
            g.writeStartObject();
            field(g, F_ID, c.id());
            field(g, F_NODE_ID, c.nodeId());
            field(g, F_LABEL, c.label());
            if (!c.labelMinor().isEmpty()) field(g, F_LABEL_MINOR, c.labelMinor());
            if (!c.metadata().isEmpty()) {
                arrayStart(g, F_METADATA);
                for (NodeSummary.MetadataRow r : c.metadata()) writeMetadataRow(g, r);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSummary(JsonGenerator g, NodeSummary s) throws IOException {
        g.writeStartObject();
        writeSummaryFields(g, s);
        g.writeEndObject();
    }

    private static void writeSummaryFields(JsonGenerator g, NodeSummary s) throws IOException {
        field(g, F_ID, s.id());
        field(g, F_LABEL, s.label());
        field(g, F_LABEL_MINOR, s.labelMinor());
        field(g, F_RANK, s.rank());
        if (!s.shape().isEmpty()) field(g, F_SHAPE, s.shape());
        if (!s.tag().isEmpty()) field(g, F_TAG, s.tag());
        if (s.stack()) bool(g, F_STACK, true);
        if (s.pseudo()) bool(g, F_PSEUDO, true);
        if (!s.metadata().isEmpty()) {
            arrayStart(g, F_METADATA);
            for (NodeSummary.MetadataRow r : s.metadata()) writeMetadataRow(g, r);
            g.writeEndArray();
        }
        if (!s.parents().isEmpty()) {
            arrayStart(g, F_PARENTS);
            for (NodeSummary.Parent p : s.parents()) {
                g.writeStartObject();
                field(g, F_ID, p.id());
                field(g, F_LABEL, p.label());
                field(g, F_TOPOLOGY_ID, p.topologyId());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!s.metrics().isEmpty()) {
            arrayStart(g, F_METRICS);
            for (NodeSummary.MetricRow m : s.metrics()) writeMetric(g, m);
            g.writeEndArray();
        }
        if (!s.tables().isEmpty()) {
            arrayStart(g, F_TABLES);
            for (NodeSummary.Table t : s.tables()) writeTable(g, t);
            g.writeEndArray();
        }
        if (!s.adjacency().isEmpty()) {
            arrayStart(g, F_ADJACENCY);
            for (String a : s.adjacency()) g.writeString(a);
            g.writeEndArray();
        }
    }

    private static void writeMetadataRow(JsonGenerator g, NodeSummary.MetadataRow r) throws IOException {
        g.writeStartObject();
        field(g, F_ID, r.id());
        field(g, F_LABEL, r.label());
        field(g, F_VALUE, r.value());
        if (r.priority() != 0) number(g, F_PRIORITY, r.priority());
        if (!r.dataType().isEmpty()) field(g, F_DATA_TYPE, r.dataType());
        if (r.truncate() != 0) number(g, F_TRUNCATE, r.truncate());
        g.writeEndObject();
    }

    private static void writeMetric(JsonGenerator g, NodeSummary.MetricRow m) throws IOException {
        g.writeStartObject();
        field(g, F_ID, m.id());
        field(g, F_LABEL, m.label());
        if (!m.format().isEmpty()) field(g, F_FORMAT, m.format());
        if (!m.group().isEmpty()) field(g, F_GROUP, m.group());
        number(g, F_VALUE, m.value());
        if (m.priority() != 0) number(g, F_PRIORITY, m.priority());
        g.writeFieldName(F_SAMPLES);
        if (m.samples() == null) g.writeNull();
        else {
            g.writeStartArray();
            for (NodeSummary.Sample s : m.samples()) {
                g.writeStartObject();
                field(g, F_DATE, GoTimeFormat.rfc3339Nano(s.date()));
                number(g, F_VALUE, s.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        number(g, F_MIN, m.min());
        number(g, F_MAX, m.max());
        field(g, F_URL, m.url());
        g.writeEndObject();
    }

    private static void writeTable(JsonGenerator g, NodeSummary.Table t) throws IOException {
        g.writeStartObject();
        field(g, F_ID, t.id());
        field(g, F_LABEL, t.label());
        field(g, F_TYPE, t.type());
        g.writeFieldName(F_COLUMNS);
        if (t.columns() == null) g.writeNull();
        else {
            g.writeStartArray();
            for (NodeSummary.Column c : t.columns()) {
                g.writeStartObject();
                field(g, F_ID, c.id());
                field(g, F_LABEL, c.label());
                if (!c.dataType().isEmpty()) field(g, F_DATA_TYPE, c.dataType());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        arrayStart(g, F_ROWS);
        for (NodeSummary.Row r : t.rows()) {
            g.writeStartObject();
            field(g, F_ID, r.id());
            objectStart(g, F_ENTRIES);
            for (Map.Entry<String, String> e : r.entries().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (t.truncationCount() != 0) number(g, F_TRUNCATION_COUNT, t.truncationCount());
        g.writeEndObject();
    }
}

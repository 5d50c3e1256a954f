package dev.scope.render.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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

    private ViewWriter() {
    }

    public static void write(Object view, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            switch (view) {
                case TopologyList list -> writeTopologyList(g, list);
                case RenderedTopology t -> writeTopology(g, t);
                case NodeDetails d -> writeDetails(g, d);
                case TopologyDiff d -> writeDiff(g, d);
                case NodeSummary s -> writeSummary(g, s, false);
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
        g.writeBooleanField("hide_if_empty", d.hideIfEmpty());
        g.writeStringField("name", d.name());
        g.writeFieldName("options");
        if (d.options() == null) g.writeNull();
        else {
            g.writeStartArray();
            for (TopologyList.OptionGroup o : d.options()) writeOptionGroup(g, o);
            g.writeEndArray();
        }
        g.writeNumberField("rank", d.rank());
        g.writeObjectFieldStart("stats");
        g.writeNumberField("edge_count", d.stats().edgeCount());
        g.writeNumberField("filtered_nodes", d.stats().filteredNodes());
        g.writeNumberField("node_count", d.stats().nodeCount());
        g.writeNumberField("nonpseudo_node_count", d.stats().nonpseudoNodeCount());
        g.writeEndObject();
        if (!d.subTopologies().isEmpty()) {
            g.writeArrayFieldStart("sub_topologies");
            for (TopologyList.TopologyDesc s : d.subTopologies()) writeDesc(g, s);
            g.writeEndArray();
        }
        g.writeStringField("url", d.url());
        g.writeEndObject();
    }

    private static void writeOptionGroup(JsonGenerator g, TopologyList.OptionGroup o) throws IOException {
        g.writeStartObject();
        g.writeStringField("defaultValue", o.defaultValue());
        g.writeStringField("id", o.id());
        if (!o.noneLabel().isEmpty()) g.writeStringField("noneLabel", o.noneLabel());
        if (!o.options().isEmpty()) {
            g.writeArrayFieldStart("options");
            for (TopologyList.Option option : o.options()) {
                g.writeStartObject();
                g.writeStringField("label", option.label());
                g.writeStringField("value", option.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!o.selectType().isEmpty()) g.writeStringField("selectType", o.selectType());
        g.writeEndObject();
    }

    private static void writeTopology(JsonGenerator g, RenderedTopology t) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("nodes");
        for (Map.Entry<String, NodeSummary> e : t.nodes().entrySet()) {
            g.writeFieldName(e.getKey());
            writeSummary(g, e.getValue(), false);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeDiff(JsonGenerator g, TopologyDiff d) throws IOException {
        g.writeStartObject();
        writeSummaries(g, "add", d.add());
        writeSummaries(g, "update", d.update());
        g.writeFieldName("remove");
        if (d.remove().isEmpty()) g.writeNull();
        else {
            g.writeStartArray();
            for (String id : d.remove()) g.writeString(id);
            g.writeEndArray();
        }
        if (d.reset()) g.writeBooleanField("reset", true);
        g.writeEndObject();
    }

    private static void writeSummaries(JsonGenerator g, String field, List<NodeSummary> nodes) throws IOException {
        g.writeFieldName(field);
        if (nodes.isEmpty()) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (NodeSummary s : nodes) writeSummary(g, s, false);
        g.writeEndArray();
    }

    private static void writeDetails(JsonGenerator g, NodeDetails d) throws IOException {
        g.writeStartObject();
        g.writeFieldName("node");
        g.writeStartObject();
        writeSummaryFields(g, d.summary());
        g.writeArrayFieldStart("controls");
        for (NodeDetails.ControlInstance c : d.controls()) {
            g.writeStartObject();
            g.writeStringField("probeId", c.probeId());
            g.writeStringField("nodeId", c.nodeId());
            g.writeStringField("id", c.id());
            g.writeStringField("human", c.human());
            g.writeStringField("icon", c.icon());
            if (!c.confirmation().isEmpty()) g.writeStringField("confirmation", c.confirmation());
            g.writeNumberField("rank", c.rank());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!d.children().isEmpty()) {
            g.writeArrayFieldStart("children");
            for (NodeDetails.ChildGroup c : d.children()) writeChildGroup(g, c);
            g.writeEndArray();
        }
        if (!d.connections().isEmpty()) {
            g.writeArrayFieldStart("connections");
            for (NodeDetails.ConnectionsTable t : d.connections()) writeConnections(g, t);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeChildGroup(JsonGenerator g, NodeDetails.ChildGroup c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("label", c.label());
        g.writeArrayFieldStart("nodes");
        for (NodeSummary s : c.nodes()) writeSummary(g, s, false);
        g.writeEndArray();
        g.writeStringField("topologyId", c.topologyId());
        writeGroupColumns(g, c.columns());
        g.writeEndObject();
    }

    private static void writeGroupColumns(JsonGenerator g, List<NodeDetails.GroupColumn> columns) throws IOException {
        g.writeArrayFieldStart("columns");
        for (NodeDetails.GroupColumn col : columns) {
            g.writeStartObject();
            g.writeStringField("id", col.id());
            g.writeStringField("label", col.label());
            g.writeBooleanField("defaultSort", col.defaultSort());
            g.writeStringField("dataType", col.dataType());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeConnections(JsonGenerator g, NodeDetails.ConnectionsTable t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("topologyId", t.topologyId());
        g.writeStringField("label", t.label());
        writeGroupColumns(g, t.columns());
        g.writeArrayFieldStart("connections");
        for (NodeDetails.Connection c : t.connections()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("nodeId", c.nodeId());
            g.writeStringField("label", c.label());
            if (!c.labelMinor().isEmpty()) g.writeStringField("labelMinor", c.labelMinor());
            if (!c.metadata().isEmpty()) {
                g.writeArrayFieldStart("metadata");
                for (NodeSummary.MetadataRow r : c.metadata()) writeMetadataRow(g, r, true);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSummary(JsonGenerator g, NodeSummary s, boolean unused) throws IOException {
        g.writeStartObject();
        writeSummaryFields(g, s);
        g.writeEndObject();
    }

    private static void writeSummaryFields(JsonGenerator g, NodeSummary s) throws IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("label", s.label());
        g.writeStringField("labelMinor", s.labelMinor());
        g.writeStringField("rank", s.rank());
        if (!s.shape().isEmpty()) g.writeStringField("shape", s.shape());
        if (!s.tag().isEmpty()) g.writeStringField("tag", s.tag());
        if (s.stack()) g.writeBooleanField("stack", true);
        if (s.pseudo()) g.writeBooleanField("pseudo", true);
        if (!s.metadata().isEmpty()) {
            g.writeArrayFieldStart("metadata");
            for (NodeSummary.MetadataRow r : s.metadata()) writeMetadataRow(g, r, false);
            g.writeEndArray();
        }
        if (!s.parents().isEmpty()) {
            g.writeArrayFieldStart("parents");
            for (NodeSummary.Parent p : s.parents()) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("label", p.label());
                g.writeStringField("topologyId", p.topologyId());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!s.metrics().isEmpty()) {
            g.writeArrayFieldStart("metrics");
            for (NodeSummary.MetricRow m : s.metrics()) writeMetric(g, m);
            g.writeEndArray();
        }
        if (!s.tables().isEmpty()) {
            g.writeArrayFieldStart("tables");
            for (NodeSummary.Table t : s.tables()) writeTable(g, t);
            g.writeEndArray();
        }
        if (!s.adjacency().isEmpty()) {
            g.writeArrayFieldStart("adjacency");
            for (String a : s.adjacency()) g.writeString(a);
            g.writeEndArray();
        }
    }

    private static void writeMetadataRow(JsonGenerator g, NodeSummary.MetadataRow r, boolean alwaysLabel) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("label", r.label());
        g.writeStringField("value", r.value());
        if (r.priority() != 0) g.writeNumberField("priority", r.priority());
        if (!r.dataType().isEmpty()) g.writeStringField("dataType", r.dataType());
        if (r.truncate() != 0) g.writeNumberField("truncate", r.truncate());
        g.writeEndObject();
    }

    private static void writeMetric(JsonGenerator g, NodeSummary.MetricRow m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("label", m.label());
        if (!m.format().isEmpty()) g.writeStringField("format", m.format());
        if (!m.group().isEmpty()) g.writeStringField("group", m.group());
        g.writeNumberField("value", m.value());
        if (m.priority() != 0) g.writeNumberField("priority", m.priority());
        g.writeFieldName("samples");
        if (m.samples() == null) g.writeNull();
        else {
            g.writeStartArray();
            for (NodeSummary.Sample s : m.samples()) {
                g.writeStartObject();
                g.writeStringField("date", GoTimeFormat.rfc3339Nano(s.date()));
                g.writeNumberField("value", s.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeNumberField("min", m.min());
        g.writeNumberField("max", m.max());
        g.writeStringField("url", m.url());
        g.writeEndObject();
    }

    private static void writeTable(JsonGenerator g, NodeSummary.Table t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("label", t.label());
        g.writeStringField("type", t.type());
        g.writeFieldName("columns");
        if (t.columns() == null) g.writeNull();
        else {
            g.writeStartArray();
            for (NodeSummary.Column c : t.columns()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("label", c.label());
                if (!c.dataType().isEmpty()) g.writeStringField("dataType", c.dataType());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("rows");
        for (NodeSummary.Row r : t.rows()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeObjectFieldStart("entries");
            for (Map.Entry<String, String> e : r.entries().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (t.truncationCount() != 0) g.writeNumberField("truncationCount", t.truncationCount());
        g.writeEndObject();
    }
}

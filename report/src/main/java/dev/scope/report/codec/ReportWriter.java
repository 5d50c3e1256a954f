package dev.scope.report.codec;

import dev.scope.report.DnsRecord;
import dev.scope.report.Node;
import dev.scope.report.PluginSpec;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.io.IOException;

/**
 * Lays a report out as Weave Scope 1.13 does: Go struct field order, Go's {@code omitempty} choices, nil for
 * empty sets/parents/children. Maps are written in key order (Go writes them in random order, so any order is
 * accepted). Nodes are written by {@link NodeWriter}, templates and controls by {@link TemplateWriter}.
 */
final class ReportWriter {
    private final WireWriter out;
    private final OmitEmpty omit;
    private final NodeWriter nodes;
    private final TemplateWriter templates;

    ReportWriter(WireWriter out) {
        this.out = out;
        this.omit = new OmitEmpty(out);
        this.nodes = new NodeWriter(out);
        this.templates = new TemplateWriter(out);
    }

    void write(Report r) throws IOException {
        out.beginMap(TopologyId.all().length + 7);
        out.key("TS");
        out.time(r.timestamp());
        for (TopologyId t : TopologyId.all()) {
            out.key(t.field);
            writeTopology(r.topology(t));
        }
        out.key("DNS");
        writeDns(r.dns());
        out.key("Sampling");
        out.beginMap(2);
        out.key("Count");
        out.number(r.sampling().count());
        out.key("Total");
        out.number(r.sampling().total());
        out.endMap();
        out.key("Window");
        out.number(r.window());
        out.key("Shortcut");
        out.bool(r.shortcut());
        out.key("Plugins");
        writePlugins(r.plugins());
        out.key("ID");
        out.string(r.id());
        out.endMap();
    }

    private void writeTopology(Topology t) throws IOException {
        int size = OmitEmpty.count(!t.shape().isEmpty(), !t.tag().isEmpty(), !t.label().isEmpty(), !t.labelPlural().isEmpty(),
                !t.nodes().isEmpty(), !t.controls().isEmpty(), !t.metadataTemplates().isEmpty(),
                !t.metricTemplates().isEmpty(), !t.tableTemplates().isEmpty());
        out.beginMap(size);
        omit.string("shape", t.shape());
        omit.string("tag", t.tag());
        omit.string("label", t.label());
        omit.string("label_plural", t.labelPlural());
        if (!t.nodes().isEmpty()) {
            out.key("nodes");
            out.beginMap(t.nodes().size());
            for (Node n : t.nodes()) {
                out.key(n.id());
                nodes.writeNode(n);
            }
            out.endMap();
        }
        if (!t.controls().isEmpty()) {
            out.key("controls");
            templates.writeControls(t.controls());
        }
        if (!t.metadataTemplates().isEmpty()) {
            out.key("metadata_templates");
            templates.writeMetadataTemplates(t.metadataTemplates());
        }
        if (!t.metricTemplates().isEmpty()) {
            out.key("metric_templates");
            templates.writeMetricTemplates(t.metricTemplates());
        }
        if (!t.tableTemplates().isEmpty()) {
            out.key("table_templates");
            templates.writeTableTemplates(t.tableTemplates());
        }
        out.endMap();
    }

    private void writeDns(StringMap<DnsRecord> dns) throws IOException {
        out.beginMap(dns.size());
        for (int i = 0; i < dns.size(); i++) {
            DnsRecord d = dns.valueAt(i);
            out.key(dns.keyAt(i));
            out.beginMap(OmitEmpty.count(!d.forward().isEmpty(), !d.reverse().isEmpty()));
            if (!d.forward().isEmpty()) {
                out.key("forward");
                nodes.writeStringSet(d.forward());
            }
            if (!d.reverse().isEmpty()) {
                out.key("reverse");
                nodes.writeStringSet(d.reverse());
            }
            out.endMap();
        }
        out.endMap();
    }

    private void writePlugins(StringMap<PluginSpec> plugins) throws IOException {
        out.beginArray(plugins.size());
        for (int i = 0; i < plugins.size(); i++) {
            PluginSpec p = plugins.valueAt(i);
            out.beginMap(3 + OmitEmpty.count(!p.description().isEmpty(), !p.apiVersion().isEmpty(), !p.status().isEmpty()));
            out.key("id");
            out.string(p.id());
            out.key("label");
            out.string(p.label());
            omit.string("description", p.description());
            out.key("interfaces");
            out.beginArray(p.interfaces().size());
            for (String s : p.interfaces()) out.string(s);
            out.endArray();
            omit.string("api_version", p.apiVersion());
            omit.string("status", p.status());
            out.endMap();
        }
        out.endArray();
    }
}

package dev.scope.report.codec;

import dev.scope.report.Control;
import dev.scope.report.DnsRecord;
import dev.scope.report.Latest;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.Metric;
import dev.scope.report.MetricTemplate;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.PluginSpec;
import dev.scope.report.Report;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.io.IOException;

/**
 * Lays a report out as Weave Scope 1.13 does: Go struct field order, Go's {@code omitempty} choices, nil
 * for empty sets/parents/children. Maps are written in key order (Go writes them in random order, so any
 * order is accepted).
 */
final class ReportWriter {
    private final WireWriter out;

    ReportWriter(WireWriter out) {
        this.out = out;
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
        int size = count(!t.shape().isEmpty(), !t.tag().isEmpty(), !t.label().isEmpty(), !t.labelPlural().isEmpty(),
                !t.nodes().isEmpty(), !t.controls().isEmpty(), !t.metadataTemplates().isEmpty(),
                !t.metricTemplates().isEmpty(), !t.tableTemplates().isEmpty());
        out.beginMap(size);
        optionalString("shape", t.shape());
        optionalString("tag", t.tag());
        optionalString("label", t.label());
        optionalString("label_plural", t.labelPlural());
        if (!t.nodes().isEmpty()) {
            out.key("nodes");
            out.beginMap(t.nodes().size());
            for (Node n : t.nodes()) {
                out.key(n.id());
                writeNode(n);
            }
            out.endMap();
        }
        if (!t.controls().isEmpty()) {
            out.key("controls");
            writeControls(t.controls());
        }
        if (!t.metadataTemplates().isEmpty()) {
            out.key("metadata_templates");
            writeMetadataTemplates(t.metadataTemplates());
        }
        if (!t.metricTemplates().isEmpty()) {
            out.key("metric_templates");
            writeMetricTemplates(t.metricTemplates());
        }
        if (!t.tableTemplates().isEmpty()) {
            out.key("table_templates");
            writeTableTemplates(t.tableTemplates());
        }
        out.endMap();
    }

    private void writeNode(Node n) throws IOException {
        // sets, parents and children are always present (nil when empty); the others are omitempty.
        out.beginMap(3 + count(!n.id().isEmpty(), !n.topology().isEmpty(), !n.adjacency().isEmpty(),
                !n.latest().isEmpty(), !n.metrics().isEmpty()));
        optionalString("id", n.id());
        optionalString("topology", n.topology());
        out.key("sets");
        writeSets(n.sets());
        if (!n.adjacency().isEmpty()) {
            out.key("adjacency");
            writeStringSet(n.adjacency());
        }
        if (!n.latest().isEmpty()) {
            out.key("latest");
            writeLatest(n.latest());
        }
        if (!n.metrics().isEmpty()) {
            out.key("metrics");
            writeMetrics(n.metrics());
        }
        out.key("parents");
        writeSets(n.parents());
        out.key("children");
        if (n.children().isEmpty()) {
            out.nil();
        } else {
            out.beginArray(n.children().size());
            for (Node child : n.children()) writeNode(child);
            out.endArray();
        }
        out.endMap();
    }

    private void writeLatest(StringMap<Latest> latest) throws IOException {
        out.beginMap(latest.size());
        for (int i = 0; i < latest.size(); i++) {
            Latest l = latest.valueAt(i);
            out.key(latest.keyAt(i));
            out.beginMap(2);
            out.key("timestamp");
            out.time(l.timestamp());
            out.key("value");
            out.string(l.value());
            out.endMap();
        }
        out.endMap();
    }

    private void writeSets(StringMap<StringSet> sets) throws IOException {
        if (sets.isEmpty()) {
            out.nil();
            return;
        }
        out.beginMap(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            out.key(sets.keyAt(i));
            writeStringSet(sets.valueAt(i));
        }
        out.endMap();
    }

    private void writeStringSet(StringSet set) throws IOException {
        out.beginArray(set.size());
        for (String s : set) out.string(s);
        out.endArray();
    }

    private void writeMetrics(StringMap<Metric> metrics) throws IOException {
        out.beginMap(metrics.size());
        for (int i = 0; i < metrics.size(); i++) {
            Metric m = metrics.valueAt(i);
            out.key(metrics.keyAt(i));
            out.beginMap(m.isEmpty() ? 2 : 3);
            if (!m.isEmpty()) {
                out.key("samples");
                out.beginArray(m.size());
                for (int s = 0; s < m.size(); s++) {
                    out.beginMap(2);
                    out.key("date");
                    out.time(m.timeAt(s));
                    out.key("value");
                    out.number(m.valueAt(s));
                    out.endMap();
                }
                out.endArray();
            }
            out.key("min");
            out.number(m.min());
            out.key("max");
            out.number(m.max());
            out.endMap();
        }
        out.endMap();
    }

    private void writeControls(StringMap<Control> controls) throws IOException {
        out.beginMap(controls.size());
        for (int i = 0; i < controls.size(); i++) {
            Control c = controls.valueAt(i);
            out.key(controls.keyAt(i));
            out.beginMap(4 + count(!c.confirmation().isEmpty()));
            out.key("id");
            out.string(c.id());
            out.key("human");
            out.string(c.human());
            out.key("icon");
            out.string(c.icon());
            optionalString("confirmation", c.confirmation());
            out.key("rank");
            out.number(c.rank());
            out.endMap();
        }
        out.endMap();
    }

    private void writeMetadataTemplates(StringMap<MetadataTemplate> templates) throws IOException {
        out.beginMap(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            MetadataTemplate t = templates.valueAt(i);
            out.key(templates.keyAt(i));
            out.beginMap(1 + count(!t.label().isEmpty(), t.truncate() != 0, !t.dataType().isEmpty(), t.priority() != 0,
                    !t.from().isEmpty()));
            out.key("id");
            out.string(t.id());
            optionalString("label", t.label());
            if (t.truncate() != 0) {
                out.key("truncate");
                out.number(t.truncate());
            }
            optionalString("dataType", t.dataType());
            optionalNumber("priority", t.priority());
            optionalString("from", t.from());
            out.endMap();
        }
        out.endMap();
    }

    private void writeMetricTemplates(StringMap<MetricTemplate> templates) throws IOException {
        out.beginMap(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            MetricTemplate t = templates.valueAt(i);
            out.key(templates.keyAt(i));
            out.beginMap(1 + count(!t.label().isEmpty(), !t.format().isEmpty(), !t.group().isEmpty(), t.priority() != 0));
            out.key("id");
            out.string(t.id());
            optionalString("label", t.label());
            optionalString("format", t.format());
            optionalString("group", t.group());
            optionalNumber("priority", t.priority());
            out.endMap();
        }
        out.endMap();
    }

    private void writeTableTemplates(StringMap<TableTemplate> templates) throws IOException {
        out.beginMap(templates.size());
        for (int i = 0; i < templates.size(); i++) {
            TableTemplate t = templates.valueAt(i);
            out.key(templates.keyAt(i));
            out.beginMap(6);
            out.key("id");
            out.string(t.id());
            out.key("label");
            out.string(t.label());
            out.key("prefix");
            out.string(t.prefix());
            out.key("type");
            out.string(t.type());
            out.key("columns");
            if (t.columns() == null) {
                out.nil();
            } else {
                out.beginArray(t.columns().size());
                for (TableTemplate.Column c : t.columns()) {
                    out.beginMap(3);
                    out.key("id");
                    out.string(c.id());
                    out.key("label");
                    out.string(c.label());
                    out.key("dataType");
                    out.string(c.dataType());
                    out.endMap();
                }
                out.endArray();
            }
            out.key("fixedRows");
            out.beginMap(t.fixedRows().size());
            for (int r = 0; r < t.fixedRows().size(); r++) {
                out.key(t.fixedRows().keyAt(r));
                out.string(t.fixedRows().valueAt(r));
            }
            out.endMap();
            out.endMap();
        }
        out.endMap();
    }

    private void writeDns(StringMap<DnsRecord> dns) throws IOException {
        out.beginMap(dns.size());
        for (int i = 0; i < dns.size(); i++) {
            DnsRecord d = dns.valueAt(i);
            out.key(dns.keyAt(i));
            out.beginMap(count(!d.forward().isEmpty(), !d.reverse().isEmpty()));
            if (!d.forward().isEmpty()) {
                out.key("forward");
                writeStringSet(d.forward());
            }
            if (!d.reverse().isEmpty()) {
                out.key("reverse");
                writeStringSet(d.reverse());
            }
            out.endMap();
        }
        out.endMap();
    }

    private void writePlugins(StringMap<PluginSpec> plugins) throws IOException {
        out.beginArray(plugins.size());
        for (int i = 0; i < plugins.size(); i++) {
            PluginSpec p = plugins.valueAt(i);
            out.beginMap(3 + count(!p.description().isEmpty(), !p.apiVersion().isEmpty(), !p.status().isEmpty()));
            out.key("id");
            out.string(p.id());
            out.key("label");
            out.string(p.label());
            optionalString("description", p.description());
            out.key("interfaces");
            out.beginArray(p.interfaces().size());
            for (String s : p.interfaces()) out.string(s);
            out.endArray();
            optionalString("api_version", p.apiVersion());
            optionalString("status", p.status());
            out.endMap();
        }
        out.endArray();
    }

    private void optionalString(String key, String value) throws IOException {
        if (!value.isEmpty()) {
            out.key(key);
            out.string(value);
        }
    }

    private void optionalNumber(String key, double value) throws IOException {
        if (value != 0) {
            out.key(key);
            out.number(value);
        }
    }

    private static int count(boolean... present) {
        int n = 0;
        for (boolean p : present) if (p) n++;
        return n;
    }
}

package dev.scope.report.codec;

import dev.scope.report.Control;
import dev.scope.report.DnsRecord;
import dev.scope.report.MetadataTemplate;
import dev.scope.report.MetricTemplate;
import dev.scope.report.NodeSet;
import dev.scope.report.PluginSpec;
import dev.scope.report.Report;
import dev.scope.report.Sampling;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import dev.scope.report.TableTemplate;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Report} straight from a {@link WireReader}, field by field, with no tree of the whole
 * document in between: the report and topology level here, nodes in {@link NodeReader}, templates and
 * controls in {@link TemplateReader}. Unknown fields are skipped; Weave Scope's own backwards-compatible forms
 * are converted as its decoder does (see the package documentation).
 */
final class ReportReader {
    private final WireReader in;
    private final DecodeContext context;
    private final NodeReader nodes;
    private final TemplateReader templates;

    ReportReader(WireReader in, DecodeContext context) {
        this.in = in;
        this.context = context;
        this.nodes = new NodeReader(in, context);
        this.templates = new TemplateReader(in);
    }

    Report readReport() throws IOException {
        if (in.peekNil()) throw in.error("expected a report object but found nil");
        Report.Builder report = Report.builder();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            context.section = key;
            TopologyId topology = TopologyId.byField(key);
            if (topology != null) {
                report.topology(topology, readTopology());
                continue;
            }
            switch (key) {
                case "TS" -> report.timestamp(in.readTime());
                case "DNS" -> report.dns(readDns());
                case "Sampling" -> report.sampling(readSampling());
                case "Window" -> report.window(in.readLong());
                case "Shortcut" -> report.shortcut(in.readBoolean());
                case "Plugins" -> report.plugins(readPlugins());
                case "ID" -> report.id(in.readString());
                default -> in.skipValue();
            }
        }
        context.section = null;
        return report.build();
    }

    private Topology readTopology() throws IOException {
        String shape = "", tag = "", label = "", labelPlural = "";
        NodeSet nodes = NodeSet.EMPTY;
        StringMap<Control> controls = StringMap.empty();
        StringMap<MetadataTemplate> metadata = StringMap.empty();
        StringMap<MetricTemplate> metrics = StringMap.empty();
        StringMap<TableTemplate> tables = StringMap.empty();
        in.beginMap();
        while (in.nextKey()) {
            switch (in.key()) {
                case "shape" -> shape = in.readString();
                case "tag" -> tag = in.readString();
                case "label" -> label = in.readString();
                case "label_plural" -> labelPlural = in.readString();
                case "nodes" -> nodes = this.nodes.readNodeMap();
                case "controls" -> controls = templates.readControls();
                case "metadata_templates" -> metadata = templates.readMetadataTemplates();
                case "metric_templates" -> metrics = templates.readMetricTemplates();
                case "table_templates" -> tables = templates.readTableTemplates();
                default -> in.skipValue();
            }
        }
        return new Topology(shape, tag, label, labelPlural, nodes, controls, metadata, metrics, tables);
    }

    private StringMap<DnsRecord> readDns() throws IOException {
        StringMap.Builder<DnsRecord> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String address = in.key();
            StringSet forward = StringSet.EMPTY, reverse = StringSet.EMPTY;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "forward" -> forward = nodes.readStringSet();
                    case "reverse" -> reverse = nodes.readStringSet();
                    default -> in.skipValue();
                }
            }
            out.put(address, new DnsRecord(forward, reverse));
        }
        return out.build();
    }

    private Sampling readSampling() throws IOException {
        long count = 0, total = 0;
        in.beginMap();
        while (in.nextKey()) {
            switch (in.key()) {
                case "Count" -> count = in.readLong();
                case "Total" -> total = in.readLong();
                default -> in.skipValue();
            }
        }
        return new Sampling(count, total);
    }

    /** An array of plugin specs, keyed by id in the model (later ones with the same id win, as in Go). */
    private StringMap<PluginSpec> readPlugins() throws IOException {
        StringMap.Builder<PluginSpec> out = new StringMap.Builder<>();
        in.beginArray();
        while (in.nextElement()) {
            String id = "", label = "", description = "", apiVersion = "", status = "";
            List<String> interfaces = new ArrayList<>();
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "description" -> description = in.readString();
                    case "interfaces" -> {
                        in.beginArray();
                        while (in.nextElement()) interfaces.add(in.readString());
                    }
                    case "api_version" -> apiVersion = in.readString();
                    case "status" -> status = in.readString();
                    default -> in.skipValue();
                }
            }
            out.put(id, new PluginSpec(id, label, description, interfaces, apiVersion, status));
        }
        return out.build();
    }
}

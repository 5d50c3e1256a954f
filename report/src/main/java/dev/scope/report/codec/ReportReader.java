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
 * document in between. Unknown fields are skipped; Weave Scope's own backwards-compatible forms are
 * converted as its decoder does (see the package documentation).
 */
final class ReportReader {
    /** The latest key naming the controls a node shows, separated by {@code ;}. */
    static final String ACTIVE_CONTROLS = "active_controls";

    private final WireReader in;
    private final DecodeContext context;

    ReportReader(WireReader in, DecodeContext context) {
        this.in = in;
        this.context = context;
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
                case "nodes" -> nodes = readNodeMap();
                case "controls" -> controls = readControls();
                case "metadata_templates" -> metadata = readMetadataTemplates();
                case "metric_templates" -> metrics = readMetricTemplates();
                case "table_templates" -> tables = readTableTemplates();
                default -> in.skipValue();
            }
        }
        return new Topology(shape, tag, label, labelPlural, nodes, controls, metadata, metrics, tables);
    }

    /** A topology's nodes: a map from id to node. A node without an id takes its key. */
    private NodeSet readNodeMap() throws IOException {
        List<Node> nodes = new ArrayList<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            context.nodeId = key;
            Node node = readNode();
            nodes.add(node.id().isEmpty() ? node.withId(key) : node);
        }
        context.nodeId = null;
        context.field = null;
        return NodeSet.of(nodes);
    }

    /** A node's children: an array of nodes. */
    private NodeSet readNodeArray() throws IOException {
        List<Node> nodes = new ArrayList<>();
        String outerId = context.nodeId, outerField = context.field;
        in.beginArray();
        while (in.nextElement()) nodes.add(readNode());
        context.nodeId = outerId;
        context.field = outerField;
        return nodes.isEmpty() ? NodeSet.EMPTY : NodeSet.of(nodes);
    }

    private Node readNode() throws IOException {
        String id = "", topology = "";
        StringMap<Latest> latest = StringMap.empty();
        StringMap<StringSet> sets = StringMap.empty();
        StringSet adjacency = StringSet.EMPTY;
        StringMap<Metric> metrics = StringMap.empty();
        StringMap<StringSet> parents = StringMap.empty();
        NodeSet children = NodeSet.EMPTY;
        LatestControls latestControls = null;
        in.beginMap();
        while (in.nextKey()) {
            String field = in.key();
            context.field = field;
            switch (field) {
                case "id" -> id = in.readString();
                case "topology" -> topology = in.readString();
                case "latest" -> latest = readLatestMap();
                case "sets" -> sets = readSets();
                case "adjacency" -> adjacency = readStringSet();
                case "metrics" -> metrics = readMetrics();
                case "parents" -> parents = readSets();
                case "children" -> children = readNodeArray();
                case "latestControls" -> latestControls = readLatestControls();
                default -> in.skipValue();
            }
        }
        if (latestControls != null && latestControls.present()) {
            latest = latest.with(ACTIVE_CONTROLS, latestControls.activeControls());
        }
        return new Node(id, topology, latest, sets, adjacency, metrics, parents, children);
    }

    private StringMap<Latest> readLatestMap() throws IOException {
        StringMap.Builder<Latest> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String value = "";
            long timestamp = 0;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "timestamp" -> timestamp = in.readTime();
                    case "value" -> value = in.readString();
                    default -> in.skipValue();
                }
            }
            out.put(key, new Latest(value, timestamp));
        }
        return out.build();
    }

    /**
     * Probes before Weave Scope 1.2 sent {@code latestControls}: control name to
     * {@code {timestamp, value: {dead}}}. Weave Scope turns the live ones into {@code active_controls}.
     */
    private LatestControls readLatestControls() throws IOException {
        LatestControls out = new LatestControls();
        in.beginMap();
        while (in.nextKey()) {
            String control = in.key();
            boolean dead = false;
            long timestamp = 0;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "timestamp" -> timestamp = in.readTime();
                    case "value" -> {
                        in.beginMap();
                        while (in.nextKey()) {
                            if (in.key().equals("dead")) dead = in.readBoolean();
                            else in.skipValue();
                        }
                    }
                    default -> in.skipValue();
                }
            }
            out.add(control, dead, timestamp);
        }
        return out;
    }

    private StringMap<StringSet> readSets() throws IOException {
        StringMap.Builder<StringSet> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            out.put(key, readStringSet());
        }
        return out.build();
    }

    private StringSet readStringSet() throws IOException {
        List<String> values = new ArrayList<>();
        in.beginArray();
        while (in.nextElement()) values.add(in.readString());
        return values.isEmpty() ? StringSet.EMPTY : StringSet.of(values);
    }

    private StringMap<Metric> readMetrics() throws IOException {
        StringMap.Builder<Metric> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            out.put(key, readMetric());
        }
        return out.build();
    }

    private Metric readMetric() throws IOException {
        Samples samples = new Samples();
        double min = 0, max = 0;
        in.beginMap();
        while (in.nextKey()) {
            switch (in.key()) {
                case "samples" -> {
                    in.beginArray();
                    while (in.nextElement()) {
                        long date = 0;
                        double value = 0;
                        in.beginMap();
                        while (in.nextKey()) {
                            switch (in.key()) {
                                case "date" -> date = in.readTime();
                                case "value" -> value = in.readDouble();
                                default -> in.skipValue();
                            }
                        }
                        samples.add(date, value);
                    }
                }
                case "min" -> min = in.readDouble();
                case "max" -> max = in.readDouble();
                default -> in.skipValue();
            }
        }
        return samples.toMetric(min, max);
    }

    private StringMap<Control> readControls() throws IOException {
        StringMap.Builder<Control> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String id = "", human = "", icon = "", confirmation = "";
            int rank = 0;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "human" -> human = in.readString();
                    case "icon" -> icon = in.readString();
                    case "confirmation" -> confirmation = in.readString();
                    case "rank" -> rank = readInt();
                    default -> in.skipValue();
                }
            }
            out.put(key, new Control(id, human, icon, confirmation, rank));
        }
        return out.build();
    }

    private StringMap<MetadataTemplate> readMetadataTemplates() throws IOException {
        StringMap.Builder<MetadataTemplate> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String id = "", label = "", dataType = "", from = "";
            int truncate = 0;
            double priority = 0;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "truncate" -> truncate = readInt();
                    case "dataType" -> dataType = in.readString();
                    case "priority" -> priority = in.readDouble();
                    case "from" -> from = in.readString();
                    default -> in.skipValue();
                }
            }
            out.put(key, new MetadataTemplate(id, label, truncate, dataType, priority, from));
        }
        return out.build();
    }

    private StringMap<MetricTemplate> readMetricTemplates() throws IOException {
        StringMap.Builder<MetricTemplate> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String id = "", label = "", format = "", group = "";
            double priority = 0;
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "format" -> format = in.readString();
                    case "group" -> group = in.readString();
                    case "priority" -> priority = in.readDouble();
                    default -> in.skipValue();
                }
            }
            out.put(key, new MetricTemplate(id, label, format, group, priority));
        }
        return out.build();
    }

    private StringMap<TableTemplate> readTableTemplates() throws IOException {
        StringMap.Builder<TableTemplate> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            String id = "", label = "", prefix = "", type = "";
            List<TableTemplate.Column> columns = null;
            StringMap<String> fixedRows = StringMap.empty();
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "prefix" -> prefix = in.readString();
                    case "type" -> type = in.readString();
                    case "columns" -> columns = readColumns();
                    case "fixedRows" -> fixedRows = readStringMap();
                    default -> in.skipValue();
                }
            }
            out.put(key, new TableTemplate(id, label, prefix, type, columns, fixedRows));
        }
        return out.build();
    }

    /** Null stays null (Weave Scope sends {@code "columns": null} for property lists). */
    private List<TableTemplate.Column> readColumns() throws IOException {
        if (in.peekNil()) {
            in.skipValue();
            return null;
        }
        List<TableTemplate.Column> columns = new ArrayList<>();
        in.beginArray();
        while (in.nextElement()) {
            String id = "", label = "", dataType = "";
            in.beginMap();
            while (in.nextKey()) {
                switch (in.key()) {
                    case "id" -> id = in.readString();
                    case "label" -> label = in.readString();
                    case "dataType" -> dataType = in.readString();
                    default -> in.skipValue();
                }
            }
            columns.add(new TableTemplate.Column(id, label, dataType));
        }
        return columns;
    }

    private StringMap<String> readStringMap() throws IOException {
        StringMap.Builder<String> out = new StringMap.Builder<>();
        in.beginMap();
        while (in.nextKey()) {
            String key = in.key();
            out.put(key, in.readString());
        }
        return out.build();
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
                    case "forward" -> forward = readStringSet();
                    case "reverse" -> reverse = readStringSet();
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

    private int readInt() throws IOException {
        long v = in.readLong();
        if (v != (int) v) throw in.error("integer " + v + " does not fit in 32 bits");
        return (int) v;
    }
}

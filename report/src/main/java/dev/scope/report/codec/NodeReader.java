package dev.scope.report.codec;

import dev.scope.report.Latest;
import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.NodeSet;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads nodes: their latest values, sets, adjacency, metrics, parents and children, and old probes' latestControls. */
final class NodeReader {
    /** The latest key naming the controls a node shows, separated by {@code ;}. */
    static final String ACTIVE_CONTROLS = "active_controls";

    private final WireReader in;
    private final DecodeContext context;

    NodeReader(WireReader in, DecodeContext context) {
        this.in = in;
        this.context = context;
    }

    /** A topology's nodes: a map from id to node. A node without an id takes its key. */
    NodeSet readNodeMap() throws IOException {
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

    StringSet readStringSet() throws IOException {
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

}

package dev.scope.report.codec;

import dev.scope.report.Latest;
import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;
import java.io.IOException;

/** Writes nodes: sets, parents and children always (nil when empty), the other fields only when not empty. */
final class NodeWriter {
    private final WireWriter out;
    private final OmitEmpty omit;

    NodeWriter(WireWriter out) {
        this.out = out;
        this.omit = new OmitEmpty(out);
    }

    void writeNode(Node n) throws IOException {
        // sets, parents and children are always present (nil when empty); the others are omitempty.
        out.beginMap(3 + OmitEmpty.count(!n.id().isEmpty(), !n.topology().isEmpty(), !n.adjacency().isEmpty(),
                !n.latest().isEmpty(), !n.metrics().isEmpty()));
        omit.string("id", n.id());
        omit.string("topology", n.topology());
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

    void writeStringSet(StringSet set) throws IOException {
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

}

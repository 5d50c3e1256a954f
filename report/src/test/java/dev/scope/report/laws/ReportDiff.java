package dev.scope.report.laws;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.Topology;
import dev.scope.report.TopologyId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Names where two reports differ, down to the node part, so that a failed equality says what broke. */
public final class ReportDiff {
    private ReportDiff() {
    }

    public static List<String> differences(Report expected, Report actual) {
        List<String> out = new ArrayList<>();
        field(out, "id", expected.id(), actual.id());
        field(out, "timestamp", expected.timestamp(), actual.timestamp());
        field(out, "window", expected.window(), actual.window());
        field(out, "sampling", expected.sampling(), actual.sampling());
        field(out, "shortcut", expected.shortcut(), actual.shortcut());
        field(out, "dns", expected.dns(), actual.dns());
        field(out, "plugins", expected.plugins(), actual.plugins());
        for (TopologyId t : TopologyId.all()) topology(out, t.field, expected.topology(t), actual.topology(t));
        return out;
    }

    private static void topology(List<String> out, String where, Topology e, Topology a) {
        if (e.equals(a)) return;
        field(out, where + ".shape", e.shape(), a.shape());
        field(out, where + ".tag", e.tag(), a.tag());
        field(out, where + ".label", e.label(), a.label());
        field(out, where + ".labelPlural", e.labelPlural(), a.labelPlural());
        field(out, where + ".controls", e.controls(), a.controls());
        field(out, where + ".metadataTemplates", e.metadataTemplates(), a.metadataTemplates());
        field(out, where + ".metricTemplates", e.metricTemplates(), a.metricTemplates());
        field(out, where + ".tableTemplates", e.tableTemplates(), a.tableTemplates());
        TreeSet<String> ids = new TreeSet<>();
        e.nodes().forEach(n -> ids.add(n.id()));
        a.nodes().forEach(n -> ids.add(n.id()));
        for (String id : ids) node(out, where + "[" + id + "]", e.nodes().get(id), a.nodes().get(id));
    }

    private static void node(List<String> out, String where, Node e, Node a) {
        if (Objects.equals(e, a)) return;
        if (e == null || a == null) {
            out.add(where + ": " + (e == null ? "unexpected" : "missing"));
            return;
        }
        field(out, where + ".topology", e.topology(), a.topology());
        field(out, where + ".latest", e.latest(), a.latest());
        field(out, where + ".sets", e.sets(), a.sets());
        field(out, where + ".adjacency", e.adjacency(), a.adjacency());
        field(out, where + ".metrics", e.metrics(), a.metrics());
        field(out, where + ".parents", e.parents(), a.parents());
        field(out, where + ".children", e.children(), a.children());
    }

    private static void field(List<String> out, String where, Object e, Object a) {
        if (!Objects.equals(e, a)) out.add(where + ": expected " + e + " but was " + a);
    }
}

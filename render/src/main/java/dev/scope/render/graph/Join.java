package dev.scope.render.graph;

import dev.scope.report.Latest;
import dev.scope.report.Metric;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects output nodes of a render step built from input nodes (Go's {@code joinResults}), remembering
 * which input went where so that {@link #result} can rewrite the inputs' edges onto the outputs.
 * Output nodes are assembled in mutable drafts so that adding many children to one node stays linear.
 */
public final class Join {
    private final Map<String, Draft> drafts;
    private final Map<String, String> mapped = new HashMap<>();
    /** Inputs mapped to more than one output (e.g. a pod in two services): the outputs after the first. */
    private final Map<String, List<String>> multi = new HashMap<>();

    public Join() {
        this.drafts = new HashMap<>();
    }

    /** Starts with {@code initial} nodes (their edges dropped) already in the output, e.g. the report's processes. */
    public Join(Map<String, RNode> initial) {
        this.drafts = new HashMap<>(initial.size() * 2 + 16);
        // Most initial nodes never change: Draft.build hands them back as they were.
        initial.forEach((id, n) -> drafts.put(id, new Draft(n, true)));
    }

    private void mapChild(String from, String to) {
        String first = mapped.putIfAbsent(from, to);
        if (first != null && !first.equals(to)) multi.computeIfAbsent(from, k -> new ArrayList<>(2)).add(to);
    }

    /** Makes {@code m} a child of node {@code id} (created empty with {@code topology} if new) and counts it. */
    public void addChild(RNode m, String id, String topology) {
        Draft d = draft(id, topology);
        d.child(m);
        d.count(m.topology());
        mapChild(m.id(), id);
    }

    /** Like {@link #addChild} but also adopts m's children. */
    public void addChildAndChildren(RNode m, String id, String topology) {
        Draft d = draft(id, topology);
        d.child(m);
        d.children(m.children());
        d.count(m.topology());
        mapChild(m.id(), id);
    }

    /**
     * Like {@link #addChild}, but a new output node is {@code create}d (e.g. from the report) rather
     * than empty.
     */
    public void addChildWithCreate(RNode m, String id, java.util.function.Supplier<RNode> create) {
        Draft d = drafts.get(id);
        if (d == null) {
            d = new Draft(create.get(), true);
            drafts.put(id, d);
        }
        d.child(m);
        d.count(m.topology());
        mapChild(m.id(), id);
    }

    /** Adds {@code m} as a child of {@code id} without mapping m's edges onto it. */
    public void addUnmappedChild(RNode m, String id, String topology) {
        Draft d = draft(id, topology);
        d.child(m);
        d.count(m.topology());
    }

    /** Copies {@code n} into the output unchanged but for its edges, which {@link #result} rewrites. */
    public void passThrough(RNode n) {
        drafts.put(n.id(), new Draft(n, true));
        mapChild(n.id(), n.id());
    }

    /** A map step's output for input {@code inputId}: merged with any output of the same id. */
    public void add(String inputId, RNode out) {
        Draft existing = drafts.get(out.id());
        if (existing == null) drafts.put(out.id(), new Draft(out, true));
        else existing.merge(out);
        mapChild(inputId, out.id());
    }

    /** Copies {@code key} from {@code from} onto output {@code id} unless it has it already. */
    public void propagateLatestIfAbsent(String id, String key, RNode from) {
        Draft d = drafts.get(id);
        Latest l = from.latest().get(key);
        if (d != null && l != null && !d.latest.containsKey(key)) {
            d.latest = d.latest.with(key, l);
            d.changed = true;
        }
    }

    private Draft draft(String id, String topology) {
        Draft d = drafts.get(id);
        if (d == null) {
            d = new Draft(RNode.of(id, topology), false);
            drafts.put(id, d);
        }
        return d;
    }

    /** The output nodes with every edge of a mapped input re-pointed at where its ends went. */
    public Nodes result(Nodes input) {
        for (RNode n : input.nodes().values()) {
            String outId = mapped.get(n.id());
            if (outId == null || n.adjacency().isEmpty()) continue;
            rewriteEdges(drafts.get(outId), n.adjacency());
            List<String> more = multi.get(n.id());
            if (more != null) for (String other : more) rewriteEdges(drafts.get(other), n.adjacency());
        }
        Map<String, RNode> nodes = new HashMap<>(drafts.size() * 2);
        drafts.forEach((id, d) -> nodes.put(id, d.build()));
        return Nodes.of(nodes);
    }

    private void rewriteEdges(Draft out, StringSet adjacency) {
        for (String a : adjacency) {
            String dest = mapped.get(a);
            if (dest == null) continue;
            out.edge(dest);
            List<String> more = multi.get(a);
            if (more != null) for (String other : more) out.edge(other);
        }
    }

    /** A node under construction. */
    private static final class Draft {
        private final RNode original;
        private boolean changed;
        private String id;
        private String topology;
        private StringMap<Latest> latest;
        private StringMap<StringSet> sets;
        private StringMap<Metric> metrics;
        private StringMap<StringSet> parents;
        private StringSet adjacency;
        private final List<String> extraEdges = new ArrayList<>(0);
        private Map<String, RNode> baseChildren;
        private HashMap<String, RNode> kids;
        private Map<String, Integer> baseCounters;
        private HashMap<String, Integer> counts;

        Draft(RNode n, boolean clearEdges) {
            original = n;
            changed = clearEdges && !n.adjacency().isEmpty();
            id = n.id();
            topology = n.topology();
            latest = n.latest();
            sets = n.sets();
            metrics = n.metrics();
            parents = n.parents();
            adjacency = clearEdges ? StringSet.EMPTY : n.adjacency();
            baseChildren = n.children();
            baseCounters = n.counters();
        }

        void merge(RNode n) {
            changed = true;
            if (topology.isEmpty()) topology = n.topology();
            latest = latest.merge(n.latest(), Latest::newest);
            sets = sets.merge(n.sets(), StringSet::merge);
            metrics = metrics.merge(n.metrics(), Metric::merge);
            parents = parents.merge(n.parents(), StringSet::merge);
            children(n.children());
            n.counters().forEach(this::countBy);
        }

        void child(RNode m) {
            mutableKids().put(m.id(), m);
        }

        void children(Map<String, RNode> more) {
            if (!more.isEmpty()) mutableKids().putAll(more);
        }

        void count(String topologyName) {
            if (!"endpoint".equals(topologyName)) countBy(topologyName, 1);
        }

        private void countBy(String key, int by) {
            changed = true;
            if (counts == null) counts = new HashMap<>(baseCounters);
            counts.merge(key, by, Integer::sum);
        }

        void edge(String dest) {
            changed = true;
            extraEdges.add(dest);
        }

        private HashMap<String, RNode> mutableKids() {
            changed = true;
            if (kids == null) {
                kids = new HashMap<>(Math.max(16, baseChildren.size() * 2));
                kids.putAll(baseChildren);
            }
            return kids;
        }

        RNode build() {
            if (!changed) return original;
            StringSet adj = extraEdges.isEmpty() ? adjacency : adjacency.merge(StringSet.of(extraEdges));
            // Drafts are built once, at the end of a step, so their maps can be handed over without copying.
            Map<String, RNode> ch = kids == null ? baseChildren : Collections.unmodifiableMap(kids);
            Map<String, Integer> co = counts == null ? baseCounters : Collections.unmodifiableMap(counts);
            return new RNode(id, topology, latest, sets, adj, metrics, parents, ch, co);
        }
    }
}

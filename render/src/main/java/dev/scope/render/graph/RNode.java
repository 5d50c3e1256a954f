package dev.scope.render.graph;

import dev.scope.report.Latest;
import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.StringMap;
import dev.scope.report.StringSet;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A node while it is being rendered: a report node plus what rendering adds — children (the nodes it
 * was built from, by id) and counters (how many children of each topology). Immutable; maps it
 * holds are never changed after construction.
 *
 * @param topology a report topology name, {@link Ids#PSEUDO} or a group topology such as {@code group:process:name}
 */
public record RNode(String id, String topology, StringMap<Latest> latest, StringMap<StringSet> sets,
                    StringSet adjacency, StringMap<Metric> metrics, StringMap<StringSet> parents,
                    Map<String, RNode> children, Map<String, Integer> counters) {

    public RNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topology, "topology");
    }

    public static RNode of(String id, String topology) {
        return new RNode(id, topology, StringMap.empty(), StringMap.empty(), StringSet.EMPTY, StringMap.empty(),
                StringMap.empty(), Map.of(), Map.of());
    }

    /** A report node as it enters rendering: same data, no children, no counters. */
    public static RNode from(Node n) {
        return new RNode(n.id(), n.topology(), n.latest(), n.sets(), n.adjacency(), n.metrics(), n.parents(), Map.of(), Map.of());
    }

    /** The node {@code id} derived from {@code from}: empty but for children, which are {@code from} and its children. */
    public static RNode derived(String id, String topology, RNode from) {
        Map<String, RNode> kids;
        if (from.children.isEmpty()) kids = Map.of(from.id, from);
        else {
            HashMap<String, RNode> all = new HashMap<>(from.children.size() * 2 + 2);
            all.putAll(from.children);
            all.put(from.id, from);
            kids = Collections.unmodifiableMap(all);
        }
        return new RNode(id, topology, StringMap.empty(), StringMap.empty(), StringSet.EMPTY, StringMap.empty(),
                StringMap.empty(), kids, Map.of());
    }

    public String latestValue(String key) {
        Latest l = latest.get(key);
        return l == null ? null : l.value();
    }

    public boolean hasLatest(String key) {
        return latest.containsKey(key);
    }

    public StringSet set(String key) {
        StringSet s = sets.get(key);
        return s == null ? StringSet.EMPTY : s;
    }

    public StringSet parentIds(String topologyName) {
        StringSet s = parents.get(topologyName);
        return s == null ? StringSet.EMPTY : s;
    }

    public int counter(String key) {
        Integer c = counters.get(key);
        return c == null ? 0 : c;
    }

    public boolean hasCounter(String key) {
        return counters.containsKey(key);
    }

    public boolean isPseudo() {
        return Ids.PSEUDO.equals(topology);
    }

    public RNode withId(String newId) {
        return new RNode(newId, topology, latest, sets, adjacency, metrics, parents, children, counters);
    }

    public RNode withTopology(String newTopology) {
        return new RNode(id, newTopology, latest, sets, adjacency, metrics, parents, children, counters);
    }

    public RNode withAdjacency(StringSet newAdjacency) {
        return new RNode(id, topology, latest, sets, newAdjacency, metrics, parents, children, counters);
    }

    public RNode withLatest(String key, Latest value) {
        return new RNode(id, topology, latest.with(key, value), sets, adjacency, metrics, parents, children, counters);
    }

    /** Copies one latest entry from {@code from}, if it has it. */
    public RNode propagateLatest(String key, RNode from) {
        Latest l = from.latest.get(key);
        return l == null ? this : withLatest(key, l);
    }

    public RNode withLatestMap(StringMap<Latest> newLatest) {
        return new RNode(id, topology, newLatest, sets, adjacency, metrics, parents, children, counters);
    }

    public RNode withSets(StringMap<StringSet> newSets) {
        return new RNode(id, topology, latest, newSets, adjacency, metrics, parents, children, counters);
    }

    public RNode withMetrics(StringMap<Metric> newMetrics) {
        return new RNode(id, topology, latest, sets, adjacency, newMetrics, parents, children, counters);
    }

    public RNode withParents(StringMap<StringSet> newParents) {
        return new RNode(id, topology, latest, sets, adjacency, metrics, newParents, children, counters);
    }

    public RNode withChildren(Map<String, RNode> newChildren) {
        return new RNode(id, topology, latest, sets, adjacency, metrics, parents, newChildren, counters);
    }

    public RNode withCounters(Map<String, Integer> newCounters) {
        return new RNode(id, topology, latest, sets, adjacency, metrics, parents, children, newCounters);
    }

    /** Go's {@code Node.Merge}: union of everything, newest latest wins, counters add up, other's children win. */
    public RNode merge(RNode other) {
        if (other == this) return this;
        String mergedId = id.isEmpty() ? other.id : id;
        String mergedTopology = topology.isEmpty() ? other.topology : topology;
        return new RNode(mergedId, mergedTopology,
                latest.merge(other.latest, Latest::newest),
                sets.merge(other.sets, StringSet::merge),
                adjacency.merge(other.adjacency),
                metrics.merge(other.metrics, Metric::merge),
                parents.merge(other.parents, StringSet::merge),
                mergeChildren(children, other.children),
                mergeCounters(counters, other.counters));
    }

    static Map<String, RNode> mergeChildren(Map<String, RNode> a, Map<String, RNode> b) {
        if (b.isEmpty() || a == b) return a;
        if (a.isEmpty()) return b;
        Map<String, RNode> out = new HashMap<>((a.size() + b.size()) * 2);
        out.putAll(a);
        out.putAll(b);
        return Collections.unmodifiableMap(out);
    }

    static Map<String, Integer> mergeCounters(Map<String, Integer> a, Map<String, Integer> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        Map<String, Integer> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Integer::sum));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "RNode{" + topology + " " + id + ", adjacency=" + adjacency + ", children=" + children.size() + "}";
    }
}

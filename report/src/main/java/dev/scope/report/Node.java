package dev.scope.report;

import java.util.Objects;

/**
 * Everything one probe (or the merge of several) knows about one thing: a process, a container,
 * a host, an endpoint... Immutable; {@link #merge} is commutative, associative and idempotent.
 *
 * @param id        unique within its topology, e.g. {@code host;1234} for a process
 * @param topology  the topology name ({@link TopologyId#name}), e.g. {@code process}
 * @param latest    the newest value of each property, with the time it was seen
 * @param sets      string sets, e.g. a host's local networks
 * @param adjacency ids of nodes in the same topology this node has connections to
 * @param metrics   time series, e.g. CPU and memory
 * @param parents   ids of related nodes by topology, e.g. a process's container and host
 * @param children  nodes grouped under this one (rendered nodes only; empty in probe reports)
 */
public record Node(
        String id,
        String topology,
        StringMap<Latest> latest,
        StringMap<StringSet> sets,
        StringSet adjacency,
        StringMap<Metric> metrics,
        StringMap<StringSet> parents,
        NodeSet children) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(adjacency, "adjacency");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(parents, "parents");
        Objects.requireNonNull(children, "children");
    }

    public static Node of(String id, String topology) {
        return new Node(id, topology, StringMap.empty(), StringMap.empty(), StringSet.EMPTY,
                StringMap.empty(), StringMap.empty(), NodeSet.EMPTY);
    }

    public static Builder builder(String id, String topology) {
        return new Builder(of(id, topology));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The newest value of a latest key, or null. */
    public String latestValue(String key) {
        Latest l = latest.get(key);
        return l == null ? null : l.value();
    }

    public StringSet set(String key) {
        StringSet s = sets.get(key);
        return s == null ? StringSet.EMPTY : s;
    }

    public StringSet parentIds(String topologyName) {
        StringSet s = parents.get(topologyName);
        return s == null ? StringSet.EMPTY : s;
    }

    public Node withId(String newId) {
        return new Node(newId, topology, latest, sets, adjacency, metrics, parents, children);
    }

    public Node withTopology(String newTopology) {
        return new Node(id, newTopology, latest, sets, adjacency, metrics, parents, children);
    }

    public Node withAdjacency(StringSet newAdjacency) {
        return new Node(id, topology, latest, sets, newAdjacency, metrics, parents, children);
    }

    public Node withParents(StringMap<StringSet> newParents) {
        return new Node(id, topology, latest, sets, adjacency, metrics, newParents, children);
    }

    public Node withChildren(NodeSet newChildren) {
        return new Node(id, topology, latest, sets, adjacency, metrics, parents, newChildren);
    }

    public Node withLatest(StringMap<Latest> newLatest) {
        return new Node(id, topology, newLatest, sets, adjacency, metrics, parents, children);
    }

    /**
     * Merges two views of the same node. An empty id or topology takes the other's; two different
     * non-empty topologies are a caller error, as in Weave Scope.
     */
    public Node merge(Node other) {
        if (other == this) return this;
        String mergedId = id.isEmpty() ? other.id : other.id.isEmpty() ? id : min(id, other.id);
        String mergedTopology = topology;
        if (topology.isEmpty()) mergedTopology = other.topology;
        else if (!other.topology.isEmpty() && !topology.equals(other.topology)) {
            throw new IllegalArgumentException("cannot merge nodes of topologies " + topology + " and " + other.topology);
        }
        return new Node(mergedId, mergedTopology,
                latest.merge(other.latest, Latest::newest),
                sets.merge(other.sets, StringSet::merge),
                adjacency.merge(other.adjacency),
                metrics.merge(other.metrics, Metric::merge),
                parents.merge(other.parents, StringSet::merge),
                children.merge(other.children));
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds a node the way a probe reports one; every call merges into what is there. */
    public static final class Builder {
        private Node node;

        private Builder(Node start) {
            this.node = start;
        }

        public Builder latest(String key, String value, long timestamp) {
            node = node.withLatest(node.latest.merge(StringMap.of(key, new Latest(value, timestamp)), Latest::newest));
            return this;
        }

        /** Sets a latest value unconditionally (a probe's own newest observation). */
        public Builder putLatest(String key, String value, long timestamp) {
            node = node.withLatest(node.latest.with(key, new Latest(value, timestamp)));
            return this;
        }

        public Builder set(String key, StringSet values) {
            node = new Node(node.id, node.topology, node.latest, node.sets.merge(StringMap.of(key, values), StringSet::merge),
                    node.adjacency, node.metrics, node.parents, node.children);
            return this;
        }

        public Builder set(String key, String... values) {
            return set(key, StringSet.of(values));
        }

        public Builder adjacent(String... ids) {
            node = node.withAdjacency(node.adjacency.merge(StringSet.of(ids)));
            return this;
        }

        public Builder metric(String key, Metric metric) {
            node = new Node(node.id, node.topology, node.latest, node.sets, node.adjacency,
                    node.metrics.merge(StringMap.of(key, metric), Metric::merge), node.parents, node.children);
            return this;
        }

        public Builder parent(String topologyName, String... ids) {
            node = node.withParents(node.parents.merge(StringMap.of(topologyName, StringSet.of(ids)), StringSet::merge));
            return this;
        }

        public Builder child(Node child) {
            node = node.withChildren(node.children.merge(NodeSet.of(child)));
            return this;
        }

        public Node build() {
            return node;
        }
    }
}

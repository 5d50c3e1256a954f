package dev.scope.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** An immutable set of nodes keyed by id; nodes with the same id merge. */
public final class NodeSet implements Iterable<Node> {
    public static final NodeSet EMPTY = new NodeSet(StringMap.empty());

    private final StringMap<Node> byId;

    private NodeSet(StringMap<Node> byId) {
        this.byId = byId;
    }

    public static NodeSet of(Node... nodes) {
        return of(List.of(nodes));
    }

    /** Nodes with the same id are merged. */
    public static NodeSet of(Collection<Node> nodes) {
        if (nodes.isEmpty()) return EMPTY;
        // Sort by id and merge runs of equal ids: no hash or tree map per node set (decoders build many).
        Node[] sorted = nodes.toArray(Node[]::new);
        Arrays.sort(sorted, (a, b) -> a.id().compareTo(b.id()));
        String[] ids = new String[sorted.length];
        Node[] merged = new Node[sorted.length];
        int n = 0;
        for (Node node : sorted) {
            if (n > 0 && ids[n - 1].equals(node.id())) {
                merged[n - 1] = merged[n - 1].merge(node);
            } else {
                ids[n] = node.id();
                merged[n++] = node;
            }
        }
        return new NodeSet(StringMap.ofSorted(Arrays.copyOf(ids, n), Arrays.copyOf(merged, n, Object[].class)));
    }

    public int size() {
        return byId.size();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public Node get(String id) {
        return byId.get(id);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public NodeSet with(Node node) {
        Node existing = byId.get(node.id());
        return new NodeSet(byId.with(node.id(), existing == null ? node : existing.merge(node)));
    }

    /** Replaces the node with the same id instead of merging into it. */
    public NodeSet replacing(Node node) {
        return new NodeSet(byId.with(node.id(), node));
    }

    public NodeSet without(String id) {
        StringMap<Node> smaller = byId.without(id);
        return smaller == byId ? this : new NodeSet(smaller);
    }

    public NodeSet merge(NodeSet other) {
        StringMap<Node> merged = byId.merge(other.byId, Node::merge);
        return merged == byId ? this : merged == other.byId ? other : new NodeSet(merged);
    }

    /** Nodes sorted by id. */
    public List<Node> nodes() {
        List<Node> out = new ArrayList<>(byId.size());
        forEach(out::add);
        return out;
    }

    @Override
    public void forEach(Consumer<? super Node> action) {
        for (int i = 0; i < byId.size(); i++) action.accept(byId.valueAt(i));
    }

    @Override
    public Iterator<Node> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < byId.size();
            }

            @Override
            public Node next() {
                if (next >= byId.size()) throw new java.util.NoSuchElementException();
                return byId.valueAt(next++);
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeSet s && byId.equals(s.byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }

    @Override
    public String toString() {
        return "NodeSet" + byId.toMap().keySet();
    }
}

package dev.scope.app;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * A balanced binary tree of merges over numbered leaves (one per probe): every inner node holds the
 * merge of its two children, the root the merge of all leaves in leaf order. Changing a leaf marks
 * only the inner nodes above it stale; {@link #root} recomputes just those. So after one probe's
 * report changes, a read costs one merge per level on that path (their sizes halve going down,
 * about two whole-report copies in all) instead of a fold over every probe's report.
 *
 * <p>{@code merge} must be associative; {@code identity} its neutral element. Not thread-safe:
 * callers hold a lock. Used by the standalone app's collector and the service's query component alike.
 */
public final class MergeTree<T> {
    private final T identity;
    private final BinaryOperator<T> merge;
    private final ArrayDeque<Integer> freeLeaves = new ArrayDeque<>();
    private int capacity; // leaves, a power of two
    private int used;     // leaves ever handed out (some may be free again)
    private Object[] nodes; // 1-based heap layout: node i has children 2i and 2i+1; leaves at capacity..2*capacity-1
    private boolean[] stale;
    private long merges;

    public MergeTree(T identity, BinaryOperator<T> merge) {
        this.identity = identity;
        this.merge = merge;
        resize(1);
    }

    /** A leaf holding the identity, to be filled with {@link #set}. */
    public int allocate() {
        Integer free = freeLeaves.pollFirst();
        if (free != null) return free;
        if (used == capacity) resize(capacity * 2);
        return used++;
    }

    /** Sets a leaf back to the identity and lets it be handed out again. */
    public void release(int leaf) {
        set(leaf, identity);
        freeLeaves.addLast(leaf);
    }

    public void set(int leaf, T value) {
        int at = capacity + leaf;
        if (nodes[at] == value) return;
        nodes[at] = value;
        for (int i = at >>> 1; i >= 1 && !stale[i]; i >>>= 1) stale[i] = true;
    }

    /** The merge of every leaf, recomputing only stale inner nodes. */
    @SuppressWarnings("unchecked")
    public T root() {
        // Children have higher indices than their parent: a downward sweep sees children first.
        for (int i = capacity - 1; i >= 1; i--) {
            if (!stale[i]) continue;
            T left = (T) nodes[2 * i];
            T right = (T) nodes[2 * i + 1];
            nodes[i] = left == identity ? right : right == identity ? left : count(merge.apply(left, right));
            stale[i] = false;
        }
        return (T) nodes[1];
    }

    /** Merges computed so far, for metrics. */
    public long merges() {
        return merges;
    }

    /** Leaves in use (not released). */
    public int leaves() {
        return used - freeLeaves.size();
    }

    /** Every value held, inner nodes included; stale ones may be out of date. For size accounting. */
    @SuppressWarnings("unchecked")
    public void forEachHeld(java.util.function.Consumer<T> action) {
        for (int i = 1; i < nodes.length; i++) {
            if (nodes[i] != null && nodes[i] != identity) action.accept((T) nodes[i]);
        }
    }

    private T count(T merged) {
        merges++;
        return merged;
    }

    private void resize(int newCapacity) {
        Object[] old = nodes;
        int oldCapacity = capacity;
        capacity = newCapacity;
        nodes = new Object[2 * newCapacity];
        Arrays.fill(nodes, identity);
        stale = new boolean[2 * newCapacity];
        if (old != null) System.arraycopy(old, oldCapacity, nodes, capacity, oldCapacity);
        Arrays.fill(stale, 1, capacity, true);
    }
}

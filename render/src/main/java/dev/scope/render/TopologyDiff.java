package dev.scope.render;

import java.util.List;

/**
 * One websocket message: what changed between two renders of a topology. Empty lists are written as
 * {@code null}, as Weave does; {@code reset} is true on the first message of a connection.
 */
public record TopologyDiff(List<NodeSummary> add, List<NodeSummary> update, List<String> remove, boolean reset) {
    public TopologyDiff {
        add = List.copyOf(add);
        update = List.copyOf(update);
        remove = List.copyOf(remove);
    }

    public boolean isEmpty() {
        return add.isEmpty() && update.isEmpty() && remove.isEmpty() && !reset;
    }
}

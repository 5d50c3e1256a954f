package dev.scope.render;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The answer of {@code GET /api/topology/{t}}: {@code {"nodes": {id: summary}}}, kept sorted by id. */
public record RenderedTopology(SortedMap<String, NodeSummary> nodes) {
    public RenderedTopology {
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
    }

    public static RenderedTopology of(Map<String, NodeSummary> nodes) {
        return new RenderedTopology(new TreeMap<>(nodes));
    }
}

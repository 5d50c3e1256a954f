package dev.scope.render.topology;

import dev.scope.render.graph.Nodes;

import java.util.List;
import java.util.function.Function;

/**
 * One topology of the API, e.g. {@code containers-by-image}: its place in the list, its options and
 * the render step that produces its nodes.
 *
 * @param parentId the URL id of the topology it is listed under, or null for a top-level one
 */
public record ApiTopology(String id, String parentId, String name, int rank, boolean hideIfEmpty,
                          List<OptionGroupSpec> options, Function<RenderContext, Nodes> renderer) {
    public ApiTopology {
        options = List.copyOf(options);
    }

    public String url() {
        return "/api/topology/" + id;
    }
}

package dev.scope.render;

import dev.scope.render.detail.Censor;
import dev.scope.render.detail.NodeDetailsBuilder;
import dev.scope.render.detail.Summaries;
import dev.scope.render.graph.Nodes;
import dev.scope.render.graph.RNode;
import dev.scope.render.topology.ApiTopologies;
import dev.scope.render.topology.ApiTopology;
import dev.scope.render.topology.OptionGroupSpec;
import dev.scope.render.topology.RenderContext;
import dev.scope.report.Report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The app's entry point to rendering: pure functions from a merged report to the JSON views of
 * Weave Scope 1.13's API. Thread-safe. Renders are memoised per report instance (bounded), so asking
 * again for the same report and query is cheap.
 */
public final class Views {
    private final RenderCache cache = new RenderCache();

    public Views() {
    }

    /** {@code GET /api/topology}: every topology with its options and its statistics under {@code query}. */
    public TopologyList topologyList(Report merged, Map<String, String> query) {
        Objects.requireNonNull(merged, "report");
        Map<String, String> q = Map.copyOf(Objects.requireNonNull(query, "query"));
        return cache.answer(merged, "list?" + new TreeMap<>(q), () -> renderList(merged, q));
    }

    private TopologyList renderList(Report report, Map<String, String> query) {
        RenderContext ctx = cache.context(report);
        // Topologies share intermediate renders (memoised in ctx); independent ones render in parallel.
        List<ApiTopology> all = new ArrayList<>();
        for (ApiTopology top : ApiTopologies.topLevel()) {
            all.add(top);
            all.addAll(ApiTopologies.subTopologiesOf(top));
        }
        Map<String, TopologyList.TopologyStats> stats = new java.util.concurrent.ConcurrentHashMap<>();
        all.parallelStream().forEach(t -> stats.put(t.id(), stats(filtered(ctx, t, query))));
        List<TopologyList.TopologyDesc> out = new ArrayList<>();
        for (ApiTopology top : ApiTopologies.topLevel()) {
            List<TopologyList.TopologyDesc> subs = new ArrayList<>();
            for (ApiTopology sub : ApiTopologies.subTopologiesOf(top)) subs.add(describe(ctx, sub, top, stats.get(sub.id())));
            TopologyList.TopologyDesc d = describe(ctx, top, null, stats.get(top.id()));
            out.add(new TopologyList.TopologyDesc(d.name(), d.rank(), d.hideIfEmpty(), d.options(), d.url(), subs, d.stats()));
        }
        return new TopologyList(out);
    }

    private TopologyList.TopologyDesc describe(RenderContext ctx, ApiTopology t, ApiTopology listedUnder,
                                               TopologyList.TopologyStats stats) {
        List<OptionGroupSpec> groups = ApiTopologies.optionsFor(t, ctx.report(), listedUnder);
        List<TopologyList.OptionGroup> options = null;
        if (!groups.isEmpty()) {
            options = new ArrayList<>();
            for (OptionGroupSpec g : groups) options.add(g.toView());
        }
        return new TopologyList.TopologyDesc(t.name(), t.rank(), t.hideIfEmpty(), options, t.url(), List.of(), stats);
    }

    private static TopologyList.TopologyStats stats(Nodes nodes) {
        int real = 0, edges = 0;
        for (RNode n : nodes.nodes().values()) {
            if (!n.isPseudo()) real++;
            edges += n.adjacency().size();
        }
        return new TopologyList.TopologyStats(nodes.size(), real, edges, nodes.filtered());
    }

    private static Nodes filtered(RenderContext ctx, ApiTopology t, Map<String, String> query) {
        return ApiTopologies.applyOptions(ApiTopologies.renderUnfiltered(ctx, t), t, ctx.report(), query);
    }

    /** {@code GET /api/topology/{t}}: the topology's node summaries under the options in {@code query}. */
    public RenderedTopology topology(Report merged, String topologyUrlId, Map<String, String> query)
            throws UnknownTopologyException {
        Objects.requireNonNull(merged, "report");
        ApiTopology t = topologyOrThrow(topologyUrlId);
        Map<String, String> q = Map.copyOf(Objects.requireNonNull(query, "query"));
        return cache.answer(merged, "topology/" + topologyUrlId + "?" + new TreeMap<>(q), () -> renderTopology(merged, t, q));
    }

    private RenderedTopology renderTopology(Report report, ApiTopology t, Map<String, String> query) {
        RenderContext ctx = cache.context(report);
        Censor censor = Censor.fromQuery(query);
        Map<String, NodeSummary> out = new HashMap<>();
        for (RNode n : filtered(ctx, t, query).nodes().values()) {
            NodeSummary s = Summaries.summarize(report, n, false);
            if (s != null) out.put(n.id(), censor.apply(s));
        }
        return RenderedTopology.of(out);
    }

    /**
     * {@code GET /api/topology/{t}/{id}}: the node's details, or empty when the topology has no such node
     * (404). A node the options would filter out is still found, as in Weave.
     */
    public Optional<NodeDetails> node(Report merged, String topologyUrlId, String nodeId, Map<String, String> query)
            throws UnknownTopologyException {
        Objects.requireNonNull(merged, "report");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(query, "query");
        ApiTopology t = topologyOrThrow(topologyUrlId);
        RenderContext ctx = cache.context(merged);
        Nodes all = ApiTopologies.renderUnfiltered(ctx, t);
        RNode node = all.get(nodeId);
        if (node == null) return Optional.empty();
        Map<String, RNode> visible = ApiTopologies.applyOptions(all, t, merged, query).nodes();
        RNode shown = visible.get(nodeId);
        if (shown == null) {
            visible = new HashMap<>(visible);
            visible.put(nodeId, node);
            shown = node;
        }
        NodeDetails details = NodeDetailsBuilder.build(topologyUrlId, merged, shown, visible);
        return details == null ? Optional.empty() : Optional.of(Censor.fromQuery(query).apply(details));
    }

    private static ApiTopology topologyOrThrow(String topologyUrlId) throws UnknownTopologyException {
        if (topologyUrlId == null) throw new UnknownTopologyException("null");
        return ApiTopologies.byId(topologyUrlId).orElseThrow(() -> new UnknownTopologyException(topologyUrlId));
    }

    /** The websocket message taking {@code previousOrNull} (null on the first message) to {@code next}. */
    public TopologyDiff diff(RenderedTopology previousOrNull, RenderedTopology next) {
        Objects.requireNonNull(next, "next");
        Map<String, NodeSummary> before = previousOrNull == null ? Map.of() : previousOrNull.nodes();
        List<NodeSummary> add = new ArrayList<>();
        List<NodeSummary> update = new ArrayList<>();
        for (NodeSummary node : next.nodes().values()) {
            NodeSummary old = before.get(node.id());
            if (old == null) add.add(node);
            else if (old != node && !old.equals(node)) update.add(node);
        }
        List<String> remove = new ArrayList<>();
        for (String id : before.keySet()) if (!next.nodes().containsKey(id)) remove.add(id);
        return new TopologyDiff(add, update, remove, previousOrNull == null);
    }
}

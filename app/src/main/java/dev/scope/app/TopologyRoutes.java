package dev.scope.app;

import dev.scope.render.ApiJson;
import dev.scope.render.NodeDetails;
import dev.scope.render.RenderedTopology;
import dev.scope.render.UnknownTopologyException;
import dev.scope.render.Views;
import dev.scope.report.Report;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GET /api/topology[/{t}[/{id}]]: renders the merged report with module render's {@link Views}, off
 * the event loop. Path segments are split on the raw request path before unescaping, as Weave Scope
 * does, so node ids with {@code %2F} (an escaped {@code /}) still address one node.
 */
final class TopologyRoutes {
    private final Vertx vertx;
    private final ReportSource reports;
    private final Views views;
    private final RenderCache cache = new RenderCache(256);

    TopologyRoutes(Vertx vertx, ReportSource reports, Views views) {
        this.vertx = vertx;
        this.reports = reports;
        this.views = views;
    }

    /** Unchecked carrier for {@link UnknownTopologyException} through caches and futures. */
    static final class Unknown extends RuntimeException {
        Unknown(UnknownTopologyException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    void list(RoutingContext ctx) {
        Map<String, String> query = query(ctx);
        vertx.executeBlocking(() -> ApiJson.toBytes(views.topologyList(reports.forQuery(query), query)), false)
                .onComplete(ar -> answer(ctx, ar.succeeded() ? ar.result() : null, ar.cause()));
    }

    /** Every path under /api/topology/ with one or two segments. */
    void dispatch(RoutingContext ctx, TopologyWebsockets websockets) {
        String raw = ctx.request().path();
        String rest = raw.substring("/api/topology/".length());
        String[] parts = rest.split("/", -1);
        String topology;
        String second = null;
        try {
            topology = unescape(parts[0]);
            if (parts.length == 2) second = unescape(parts[1]);
        } catch (IllegalArgumentException e) {
            Responses.text(ctx, 404, "malformed path: " + e.getMessage());
            return;
        }
        if (parts.length > 2 || topology.isEmpty()) {
            Responses.text(ctx, 404, "not found: " + Responses.printable(raw));
        } else if (second == null) {
            topology(ctx, topology);
        } else if (second.equals("ws") && parts[1].equals("ws")) {
            websockets.open(ctx, topology, query(ctx));
        } else {
            node(ctx, topology, second);
        }
    }

    private void topology(RoutingContext ctx, String topology) {
        Map<String, String> query = query(ctx);
        vertx.executeBlocking(() -> ApiJson.toBytes(render(reports.forQuery(query), topology, query)), false)
                .onComplete(ar -> answer(ctx, ar.succeeded() ? ar.result() : null, ar.cause()));
    }

    private void node(RoutingContext ctx, String topology, String nodeId) {
        Map<String, String> query = query(ctx);
        vertx.executeBlocking(() -> {
            Report merged = reports.forQuery(query);
            Optional<NodeDetails> node = views.node(merged, topology, nodeId, query);
            if (node.isEmpty() && nodeId.contains("<SLASH>")) {
                node = views.node(merged, topology, nodeId.replace("<SLASH>", "/"), query);
            }
            return node.map(ApiJson::toBytes).orElse(null);
        }, false).onComplete(ar -> {
            if (ar.succeeded() && ar.result() == null) {
                Responses.text(ctx, 404, "no node " + Responses.printable(nodeId) + " in topology " + Responses.printable(topology));
            } else {
                answer(ctx, ar.succeeded() ? ar.result() : null, ar.cause());
            }
        });
    }

    /** Renders through the cache; throws {@link Unknown} for an unknown topology. */
    RenderedTopology render(Report merged, String topology, Map<String, String> query) {
        return cache.get(topology + "?" + query, merged, () -> {
            try {
                return views.topology(merged, topology, query);
            } catch (UnknownTopologyException e) {
                throw new Unknown(e);
            }
        });
    }

    static void answer(RoutingContext ctx, byte[] body, Throwable failure) {
        if (failure == null) {
            Responses.json(ctx, 200, body);
        } else if (failure instanceof Unknown || failure instanceof UnknownTopologyException) {
            Responses.text(ctx, 404, failure.getMessage());
        } else if (failure instanceof ReportSource.BadRequest) {
            Responses.text(ctx, 400, failure.getMessage());
        } else {
            ctx.fail(500, failure);
        }
    }

    /**
     * The query string, first value of each key, sorted. Passed whole (even the websocket's {@code t}):
     * in Weave Scope any parameter at all switches from the base filter to the default options.
     */
    static Map<String, String> query(RoutingContext ctx) {
        Map<String, String> out = new TreeMap<>();
        ctx.queryParams().forEach((k, v) -> out.putIfAbsent(k, v));
        return out;
    }

    /** Go's url.QueryUnescape: %XX escapes and '+' as space. */
    static String unescape(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}

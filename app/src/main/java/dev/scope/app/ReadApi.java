package dev.scope.app;

import dev.scope.render.Views;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Weave Scope's read API over one source of reports: {@code GET /api}, {@code /api/topology},
 * {@code /api/topology/{t}[/{id}|/ws]}, {@code /api/report} and {@code /api/probes}. The app mounts one over its
 * collector; the hosted service's query component builds one per organisation over that organisation's reports.
 */
public final class ReadApi {
    private final Vertx vertx;
    private final LiveReports live;
    private final ReportSource reports;
    private final ApiInfo info;
    private final TopologyRoutes topologies;
    private final TopologyWebsockets websockets;

    /**
     * @param pastOrNull           answers {@code ?timestamp=}; without it the timestamp is ignored, as Weave does
     * @param minWebsocketInterval the shortest {@code t} a topology websocket may ask for
     */
    public ReadApi(Vertx vertx, Views views, LiveReports live, PastReports pastOrNull, String id, String version,
                   String hostname, Duration minWebsocketInterval) {
        this.vertx = vertx;
        this.live = live;
        this.reports = new ReportSource(live, pastOrNull);
        this.info = new ApiInfo(id, version, hostname, pastOrNull != null);
        this.topologies = new TopologyRoutes(vertx, reports, views);
        this.websockets = new TopologyWebsockets(vertx, live, reports, topologies, views, minWebsocketInterval);
    }

    /** Registers the read routes on {@code router}, at the standalone app's paths. */
    public void mount(Router router) {
        router.get("/api").handler(this::info);
        router.get("/api/topology").handler(this::topologies);
        router.getWithRegex("/api/topology/.+").handler(this::topology);
        router.get("/api/report").handler(this::report);
        router.get("/api/probes").handler(this::probes);
    }

    /** Topology websockets open now. */
    public int openWebsockets() {
        return websockets.open();
    }

    public void info(RoutingContext ctx) {
        vertx.executeBlocking(reports::live, false)
                .onSuccess(r -> Responses.json(ctx, 200, info.details(r))).onFailure(ctx::fail);
    }

    public void topologies(RoutingContext ctx) {
        topologies.list(ctx);
    }

    /** Any path below {@code /api/topology/}: a topology, a node's details or a topology's websocket. */
    public void topology(RoutingContext ctx) {
        topologies.dispatch(ctx, websockets);
    }

    public void report(RoutingContext ctx) {
        Map<String, String> query = TopologyRoutes.query(ctx);
        vertx.executeBlocking(() -> ReportCodec.encode(
                        RawReportCensor.censor(reports.forQuery(query), query), WireFormat.JSON, false), false)
                .onComplete(ar -> TopologyRoutes.answer(ctx, ar.result(), ar.cause()));
    }

    public void probes(RoutingContext ctx) {
        if (ctx.queryParams().contains("sparse")) { // Weave: just whether any probe reports
            vertx.executeBlocking(live::hasReports, false)
                    .onSuccess(has -> Responses.json(ctx, 200, Boolean.toString(has).getBytes(StandardCharsets.UTF_8)))
                    .onFailure(ctx::fail);
            return;
        }
        vertx.executeBlocking(reports::live, false)
                .onSuccess(r -> Responses.json(ctx, 200, ApiInfo.probes(r))).onFailure(ctx::fail);
    }
}

package dev.scope.app;

import dev.scope.ops.FlightRecordings;
import dev.scope.ops.OpsRoutes;
import dev.scope.ops.OpsToken;
import dev.scope.render.Views;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/** The app's HTTP surface: Weave Scope 1.13's paths, behind the guards, in the order Vert.x tries them. */
final class ApiRoutes {
    private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);
    private static final long MAX_CONTROL_BODY = 1 << 20;

    private ApiRoutes() {
    }

    static Router build(Vertx vertx, AppConfig config, String id, Collector collector, ReportHistory history,
                        PipeRouter pipes, ControlRouter controls, Metrics metrics) {
        ReportIngest ingest = new ReportIngest(vertx, collector, history, config.maxReportBytes());
        ReadApi read = new ReadApi(vertx, new Views(), collector, history, id, config.version(), config.hostname(),
                config.minWebsocketInterval());
        metrics.gauge("scope_app_topology_websockets", "browsers watching a topology", read::openWebsockets);
        metrics.gauge("scope_app_pipes", "open terminal/log pipes", pipes::openPipes);
        metrics.gauge("scope_app_control_probes", "probes connected for controls", controls::connectedProbes);

        Router router = Router.router(vertx);
        router.route().failureHandler(ApiRoutes::failure);
        // Health and readiness reveal nothing and must answer Kubernetes probes, which carry no token.
        OpsRoutes.mountHealth(router, () -> true);
        if (config.token() != null) {
            OpsToken check = new OpsToken(config.token());
            router.route().handler(ctx -> Guards.requireToken(check, ctx));
        }
        router.route().handler(Guards::sameOriginForWrites);

        read.mount(router);
        router.post("/api/report").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes())).handler(ingest::handle);

        router.get("/api/control/ws").handler(controls::acceptProbe);
        if (config.readOnly()) {
            router.postWithRegex("/api/control/.*").handler(Guards::refuseReadOnly);
            router.routeWithRegex("/api/pipe/.*").handler(Guards::refuseReadOnly);
        } else {
            router.postWithRegex("/api/control/.*").handler(BodyHandler.create(false).setBodyLimit(MAX_CONTROL_BODY))
                    .handler(ctx -> control(ctx, controls));
            router.get("/api/pipe/:id").handler(ctx -> pipes.connect(ctx, ctx.pathParam("id"), Pipe.End.UI));
            router.get("/api/pipe/:id/probe").handler(ctx -> pipes.connect(ctx, ctx.pathParam("id"), Pipe.End.PROBE));
            router.get("/api/pipe/:id/check").handler(ctx -> pipes.check(ctx, ctx.pathParam("id")));
            router.delete("/api/pipe/:id").handler(ctx -> pipes.delete(ctx, ctx.pathParam("id")));
            router.post("/api/pipe/:id").handler(ctx -> pipes.delete(ctx, ctx.pathParam("id")));
        }
        router.get("/metrics").handler(metrics::scrape);
        // A recording left running ends by itself (FlightRecordings bounds its age), so the app need not close it.
        OpsRoutes.mountDebug(router, vertx, new FlightRecordings());
        UiRoutes.mount(router);
        return router;
    }

    /** POST /api/control/{probeID}/{nodeID}/{control}, split on the raw path like Weave Scope. */
    private static void control(RoutingContext ctx, ControlRouter controls) {
        String[] parts = ctx.request().path().substring("/api/control/".length()).split("/", -1);
        if (parts.length != 3) {
            Responses.text(ctx, 404, "expected /api/control/{probeID}/{nodeID}/{control}");
            return;
        }
        try {
            controls.handle(ctx, TopologyRoutes.unescape(parts[0]), TopologyRoutes.unescape(parts[1]), TopologyRoutes.unescape(parts[2]));
        } catch (IllegalArgumentException e) {
            Responses.text(ctx, 404, "malformed path: " + e.getMessage());
        }
    }

    /** Client mistakes keep their 4xx; anything else is our bug: logged, answered 500 without details. */
    private static void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            log.error("{} {} failed", ctx.request().method(), Responses.printable(ctx.request().path()), ctx.failure());
            Responses.text(ctx, status, "internal error");
        } else {
            String reason = switch (status) {
                case 413 -> "request body too large";
                case 405 -> "method not allowed";
                case 404 -> "not found";
                default -> "bad request";
            };
            Responses.text(ctx, status, reason);
        }
    }

}

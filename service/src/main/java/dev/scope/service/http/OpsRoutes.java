package dev.scope.service.http;

import dev.scope.ops.FlightRecordings;
import dev.scope.ops.OpsToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import java.util.function.BooleanSupplier;

/**
 * {@code /metrics} (Prometheus text), {@code /health} (the process serves requests) and {@code /ready} (it can do
 * its job, e.g. reach the database). In {@code scope service all} every component serves the one shared registry.
 * {@code /debug/threads} and {@code /debug/jfr...} (see {@link dev.scope.ops.OpsRoutes#mountDebug}) answer only a
 * request bearing the ops token ({@code SCOPE_OPS_TOKEN}, compared in constant time); without a token configured they
 * stay closed (403), on every component, the gateway included. On the gateway, exposed to the internet,
 * {@code /metrics} is behind the same token ({@link #mountExposed}).
 */
public final class OpsRoutes {
    private OpsRoutes() {
    }

    /** One per process: in {@code scope service all} every component's /debug/jfr drives the same recording. */
    private static final FlightRecordings RECORDINGS = new FlightRecordings();

    public static void mount(Vertx vertx, Router router, MeterRegistry registry, BooleanSupplier ready) {
        mount(vertx, router, registry, ready, System.getenv("SCOPE_OPS_TOKEN"), false);
    }

    /**
     * The same for the gateway, the one component exposed to the internet: there {@code /metrics} too needs the ops
     * token (Prometheus sends it with {@code authorization: {credentials: ...}} in its scrape config).
     */
    public static void mountExposed(Vertx vertx, Router router, MeterRegistry registry, BooleanSupplier ready) {
        mount(vertx, router, registry, ready, System.getenv("SCOPE_OPS_TOKEN"), true);
    }

    public static void mount(Vertx vertx, Router router, MeterRegistry registry, BooleanSupplier ready, String opsToken) {
        mount(vertx, router, registry, ready, opsToken, false);
    }

    static void mount(Vertx vertx, Router router, MeterRegistry registry, BooleanSupplier ready, String opsToken,
                      boolean metricsNeedToken) {
        OpsToken token = opsToken == null || opsToken.isBlank() ? null : new OpsToken(opsToken);
        io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> needsToken = ctx -> {
            if (token == null) {
                Replies.text(ctx, 403, "this endpoint is off: set SCOPE_OPS_TOKEN to enable it");
            } else if (!token.accepts(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Replies.text(ctx, 401, "this endpoint needs Authorization: Bearer <SCOPE_OPS_TOKEN>");
            } else {
                ctx.next();
            }
        };
        router.route("/debug/*").handler(needsToken);
        if (metricsNeedToken) router.get("/metrics").handler(needsToken);
        dev.scope.ops.OpsRoutes.mountDebug(router, vertx, RECORDINGS);
        router.get("/metrics").handler(ctx -> {
            if (registry instanceof PrometheusMeterRegistry prometheus) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                        .end(prometheus.scrape());
            } else {
                Replies.text(ctx, 404, "metrics are not kept in Prometheus form by this process");
            }
        });
        router.get("/health").handler(ctx -> Replies.text(ctx, 200, "ok"));
        router.get("/ready").handler(ctx -> ctx.vertx().executeBlocking(ready::getAsBoolean, false).onComplete(ar -> {
            if (ar.succeeded() && ar.result()) Replies.text(ctx, 200, "ready");
            else Replies.text(ctx, 503, "not ready");
        }));
    }
}

package dev.scope.service.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import java.util.function.BooleanSupplier;

/**
 * {@code /metrics} (Prometheus text), {@code /health} (the process serves requests) and {@code /ready} (it can do
 * its job, e.g. reach the database). In {@code scope service all} every component serves the one shared registry.
 */
public final class OpsRoutes {
    private OpsRoutes() {
    }

    public static void mount(Router router, MeterRegistry registry, BooleanSupplier ready) {
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

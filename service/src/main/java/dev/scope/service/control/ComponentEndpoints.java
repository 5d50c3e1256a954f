package dev.scope.service.control;

import com.zaxxer.hikari.HikariPoolMXBean;
import dev.scope.service.auth.InternalHeaders;
import dev.scope.service.db.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/** What every control and pipe replica serves besides its API: /health, /ready, /metrics; and answer helpers. */
public final class ComponentEndpoints {
    private ComponentEndpoints() {
    }

    /** /health: the process serves; /ready: it can take traffic ({@code ready}); /metrics: Prometheus text. */
    public static void mount(Router router, MeterRegistry registry, BooleanSupplier ready) {
        router.get("/health").handler(ctx -> text(ctx, 200, "ok"));
        router.get("/ready").handler(ctx -> {
            if (ready.getAsBoolean()) text(ctx, 200, "ready");
            else text(ctx, 503, "not ready: the database registration is not current");
        });
        router.get("/metrics").handler(ctx -> {
            if (registry instanceof PrometheusMeterRegistry prometheus) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                        .end(prometheus.scrape());
            } else {
                text(ctx, 404, "no Prometheus registry in this process");
            }
        });
    }

    /** The connection pool's state as gauges (registering twice, as components sharing a pool do, is harmless). */
    public static void bindPool(MeterRegistry registry, Database database) {
        String pool = database.pool().getPoolName();
        poolGauge(registry, database, pool, "scope_db_pool_active", "connections in use", HikariPoolMXBean::getActiveConnections);
        poolGauge(registry, database, pool, "scope_db_pool_idle", "idle connections", HikariPoolMXBean::getIdleConnections);
        poolGauge(registry, database, pool, "scope_db_pool_pending", "threads waiting for a connection", HikariPoolMXBean::getThreadsAwaitingConnection);
        poolGauge(registry, database, pool, "scope_db_pool_total", "connections open", HikariPoolMXBean::getTotalConnections);
    }

    private static void poolGauge(MeterRegistry registry, Database database, String pool, String name, String help,
                                  ToDoubleFunction<HikariPoolMXBean> value) {
        Gauge.builder(name, database, d -> {
                    HikariPoolMXBean bean = d.pool().getHikariPoolMXBean();
                    return bean == null ? Double.NaN : value.applyAsDouble(bean);
                })
                .description(help).tag("pool", pool).register(registry);
    }

    /** The organisation the gateway authenticated, or null after answering 400 (backends never guess it). */
    public static String requireOrg(RoutingContext ctx) {
        String org = ctx.request().getHeader(InternalHeaders.ORG_ID);
        if (org == null || org.isBlank()) {
            text(ctx, 400, "missing header " + InternalHeaders.ORG_ID + ": this backend is reached through the gateway");
            return null;
        }
        return org;
    }

    public static void text(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(message + "\n");
    }

    /** An error the way the app's control route answers it: a JSON string (the UI shows it). */
    public static void jsonError(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(message));
    }

    /** Client input echoed into messages: short, without control characters. */
    public static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

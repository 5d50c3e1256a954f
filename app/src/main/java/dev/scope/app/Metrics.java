package dev.scope.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;

import java.util.function.IntSupplier;

/** The app's own Prometheus registry (one per app, so several apps in one JVM do not mix) and GET /metrics. */
final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    void gauge(String name, String description, IntSupplier value) {
        Gauge.builder(name, value, v -> v.getAsInt()).description(description).register(registry);
    }

    void scrape(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
    }

    void close() {
        registry.close();
    }
}

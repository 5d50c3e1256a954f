package dev.scope.service.gateway;

import dev.scope.service.http.Replies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * One line per request, as key=value pairs: method, path (never the query string, which may carry anything),
 * status, bytes, time, route, organisation and caller. Never headers, cookies or tokens. Also times every request
 * by route and status class for {@code /metrics}.
 */
final class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("dev.scope.service.gateway.access");

    private final MeterRegistry metrics;

    AccessLog(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        Exchange exchange = Exchange.of(ctx);
        ctx.addEndHandler(ar -> {
            long nanos = System.nanoTime() - started;
            int status = ctx.response().getStatusCode();
            Timer.builder("scope_gateway_request_seconds").description("requests through the gateway (websockets: until upgraded)")
                    .tag("route", exchange.route).tag("status", (status / 100) + "xx").register(metrics)
                    .record(nanos, TimeUnit.NANOSECONDS);
            if (log.isInfoEnabled()) {
                log.info("method={} path=\"{}\" status={} bytes={} ms={} route={} org={} who={} remote={}",
                        ctx.request().method(), Replies.printable(ctx.request().path()).replace("\"", "%22"), status,
                        ctx.response().bytesWritten(), TimeUnit.NANOSECONDS.toMillis(nanos), exchange.route, exchange.org,
                        exchange.who, ctx.request().remoteAddress() == null ? "-" : ctx.request().remoteAddress().hostAddress());
            }
        });
        ctx.next();
    }
}

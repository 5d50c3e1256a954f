package dev.scope.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server for processes that have none of their own (the probe): {@code /metrics}, {@code /health},
 * {@code /ready} and the debug endpoints of {@link OpsRoutes}. It listens on loopback only, since it has no TLS;
 * with a token everything but health and readiness requires it.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

    private final Vertx vertx;
    private final HttpServer server;
    private final FlightRecordings recordings;

    private OpsServer(Vertx vertx, HttpServer server, FlightRecordings recordings) {
        this.vertx = vertx;
        this.server = server;
        this.recordings = recordings;
    }

    /** Listens on host:port (port 0: any free one); refuses any host that is not a loopback address. */
    public static OpsServer start(String host, int port, PrometheusMeterRegistry metrics, String token, BooleanSupplier ready) {
        requireLoopback(host);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
        FlightRecordings recordings = new FlightRecordings();
        try {
            Router router = Router.router(vertx);
            OpsRoutes.mountHealth(router, ready);
            if (token != null && !token.isEmpty()) {
                OpsToken check = new OpsToken(token);
                router.route().handler(ctx -> {
                    if (check.accepts(ctx.request().getHeader("Authorization"))) {
                        ctx.next();
                    } else {
                        OpsRoutes.text(ctx, 401, "authentication required: send Authorization: Bearer <token>\n");
                    }
                });
            }
            router.get("/metrics").handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
            OpsRoutes.mountDebug(router, vertx, recordings);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            log.info("ops endpoints (/metrics, /health, /ready, /debug/...) on http://{}:{}", host, server.actualPort());
            return new OpsServer(vertx, server, recordings);
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("ops server could not listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public static void requireLoopback(String host) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalArgumentException("the ops endpoints listen on loopback only (e.g. 127.0.0.1:4041), not " + host);
        }
    }

    @Override
    public void close() {
        recordings.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}

package dev.scope.service.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A component's listening HTTP server and the periodic jobs it runs on the same Vert.x, stopped together (the jobs
 * first). The Vert.x stays the caller's.
 */
public final class ComponentServer implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;
    private final List<Long> timers = new CopyOnWriteArrayList<>();

    private ComponentServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Listens and returns once it does. Call from outside any event loop. */
    public static ComponentServer listen(Vertx vertx, HttpServerOptions options, Router router, String host, int port) {
        return new ComponentServer(vertx, Futures.await(vertx.createHttpServer(options).requestHandler(router).listen(port, host)));
    }

    /** Runs {@code job} on the event loop every {@code period} until {@link #close}. */
    public ComponentServer every(Duration period, Runnable job) {
        timers.add(vertx.setPeriodic(period.toMillis(), t -> job.run()));
        return this;
    }

    /** The port actually bound (the settings may have asked for 0). */
    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        timers.forEach(vertx::cancelTimer);
        Futures.await(server.close());
    }
}

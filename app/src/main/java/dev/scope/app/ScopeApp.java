package dev.scope.app;

import dev.scope.report.codec.DecodeLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * The Scope app: collects probe reports, renders topologies and serves Weave Scope 1.13's HTTP and
 * websocket API, routing controls and terminal pipes to probes. {@link #start} returns once the
 * server listens; {@link #close} stops it.
 */
public final class ScopeApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScopeApp.class);

    private final Vertx vertx;
    private final HttpServer server;
    private final String id;
    private final Metrics metrics;
    private final PipeRouter pipes;
    private final ControlRouter controls;

    private ScopeApp(Vertx vertx, HttpServer server, String id, Metrics metrics, PipeRouter pipes, ControlRouter controls) {
        this.vertx = vertx;
        this.server = server;
        this.id = id;
        this.metrics = metrics;
        this.pipes = pipes;
        this.controls = controls;
    }

    /** Starts an app and waits until it listens. Refuses unsafe configurations with IllegalArgumentException. */
    public static ScopeApp start(AppConfig config) {
        checkExposure(config);
        String id = Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
        Vertx vertx = Vertx.vertx();
        Metrics metrics = new Metrics();
        try {
            Collector collector = new Collector(config.window(), config.maxProbes(), config.maxHeldBytes(),
                    System::nanoTime, metrics.registry());
            PipeRouter pipes = new PipeRouter(vertx, config.pipeIdleTimeout());
            ControlRouter controls = new ControlRouter(vertx, id, config.controlTimeout());
            Router router = ApiRoutes.build(vertx, config, id, collector, history(vertx, config), pipes, controls, metrics);
            HttpServer server = vertx.createHttpServer(serverOptions(config)).requestHandler(router);
            server = Futures.await(server.listen(config.port(), config.host()));
            log.info("Scope app {} listening on {}://{}:{}{}{}", id, config.tls() ? "https" : "http", config.host(),
                    server.actualPort(), config.token() != null ? " (token required)" : "", config.readOnly() ? " (read-only)" : "");
            return new ScopeApp(vertx, server, id, metrics, pipes, controls);
        } catch (RuntimeException e) {
            metrics.close();
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    public String id() {
        return id;
    }

    @Override
    public void close() {
        pipes.close();
        controls.closeAll();
        try {
            Futures.await(server.close());
        } catch (RuntimeException e) {
            log.debug("closing the server: {}", e.getMessage());
        }
        Futures.await(vertx.close());
        metrics.close();
    }

    private static void checkExposure(AppConfig config) {
        if (LocalHost.isLoopback(config.host())) return;
        if (config.token() == null && !config.allowUnauthenticated()) {
            throw new IllegalArgumentException("refusing to listen on " + config.host()
                    + " without authentication: set a token, or turn authentication off explicitly");
        }
        if (config.token() == null) {
            log.warn("!!! Scope app listening on {} WITHOUT AUTHENTICATION: anyone who can reach it can see "
                    + "everything and{} run commands on every probed host !!!", config.host(), config.readOnly() ? " (read-only: not)" : "");
        } else if (!config.tls()) {
            log.warn("Scope app listening on {} without TLS: the token crosses the network in clear text", config.host());
        }
    }

    private static HttpServerOptions serverOptions(AppConfig config) {
        HttpServerOptions options = new HttpServerOptions()
                .setCompressionSupported(true)
                .setCompressionContentSizeThreshold(Responses.GZIP_FROM_BYTES)
                .setMaxWebSocketMessageSize((int) Math.min(Integer.MAX_VALUE, Math.max(65536, config.maxBodyBytes())));
        if (config.tls()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(config.tlsCertPem().toString())
                    .setKeyPath(config.tlsKeyPem().toString()));
        }
        return options;
    }

    /** The on-disk history when configured, pruned every few minutes (or more often for short retentions). */
    private static ReportHistory history(Vertx vertx, AppConfig config) {
        if (config.historyDir() == null) return null;
        DecodeLimits d = DecodeLimits.defaults();
        ReportHistory history = new ReportHistory(config.historyDir(), config.historyRetention(), config.historyMaxBytes(), config.window(),
                new DecodeLimits(config.maxReportBytes(), d.maxDepth(), (int) Math.min(d.maxStringLength(), config.maxReportBytes())));
        long every = Math.max(100, Math.min(Duration.ofMinutes(5).toMillis(), config.historyRetention().toMillis() / 4));
        vertx.setPeriodic(every, t -> vertx.executeBlocking(() -> history.prune(WallClock.nanos()), false)
                .onFailure(e -> log.warn("pruning history failed: {}", e.getMessage())));
        log.info("keeping report history in {} for {}, at most {} MB", config.historyDir(), config.historyRetention(),
                config.historyMaxBytes() >> 20);
        return history;
    }
}

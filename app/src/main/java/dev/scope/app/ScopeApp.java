package dev.scope.app;

import dev.scope.render.Views;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Scope app: collects probe reports, renders topologies and serves Weave Scope 1.13's HTTP and
 * websocket API, routing controls and terminal pipes to probes. {@link #start} returns once the
 * server listens; {@link #close} stops it.
 */
public final class ScopeApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScopeApp.class);
    private static final long MAX_CONTROL_BODY = 1 << 20;

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
            Router router = routes(vertx, config, id, collector, pipes, controls, metrics);
            HttpServer server = vertx.createHttpServer(serverOptions(config)).requestHandler(router);
            server = await(server.listen(config.port(), config.host()));
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
            await(server.close());
        } catch (RuntimeException e) {
            log.debug("closing the server: {}", e.getMessage());
        }
        await(vertx.close());
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

    private static Router routes(Vertx vertx, AppConfig config, String id, Collector collector, PipeRouter pipes,
                                 ControlRouter controls, Metrics metrics) {
        Views views = new Views();
        ReportHistory history = history(vertx, config);
        ReportSource reports = new ReportSource(collector, history);
        ApiInfo info = new ApiInfo(id, config.version(), config.hostname(), history != null);
        ReportIngest ingest = new ReportIngest(vertx, collector, history, config.maxReportBytes());
        TopologyRoutes topologies = new TopologyRoutes(vertx, reports, views);
        TopologyWebsockets websockets = new TopologyWebsockets(vertx, collector, reports, topologies, views, config.minWebsocketInterval());
        metrics.gauge("scope_app_topology_websockets", "browsers watching a topology", websockets::open);
        metrics.gauge("scope_app_pipes", "open terminal/log pipes", pipes::openPipes);
        metrics.gauge("scope_app_control_probes", "probes connected for controls", controls::connectedProbes);

        Router router = Router.router(vertx);
        router.route().failureHandler(ScopeApp::failure);
        if (config.token() != null) {
            TokenCheck check = new TokenCheck(config.token());
            router.route().handler(ctx -> Guards.requireToken(check, ctx));
        }
        router.route().handler(Guards::sameOriginForWrites);

        router.get("/api").handler(ctx -> vertx.executeBlocking(reports::live, false)
                .onSuccess(r -> Responses.json(ctx, 200, info.details(r))).onFailure(ctx::fail));
        router.get("/api/topology").handler(topologies::list);
        router.getWithRegex("/api/topology/.+").handler(ctx -> topologies.dispatch(ctx, websockets));
        router.get("/api/report").handler(ctx -> {
            Map<String, String> query = TopologyRoutes.query(ctx);
            vertx.executeBlocking(() -> ReportCodec.encode(
                            RawReportCensor.censor(reports.forQuery(query), query), WireFormat.JSON, false), false)
                    .onComplete(ar -> TopologyRoutes.answer(ctx, ar.result(), ar.cause()));
        });
        router.post("/api/report").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes())).handler(ingest::handle);
        router.get("/api/probes").handler(ctx -> {
            if (ctx.queryParams().contains("sparse")) { // Weave: just whether any probe reports
                Responses.json(ctx, 200, Boolean.toString(collector.hasReports()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            vertx.executeBlocking(reports::live, false)
                    .onSuccess(r -> Responses.json(ctx, 200, ApiInfo.probes(r))).onFailure(ctx::fail);
        });

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
        UiRoutes.mount(router);
        return router;
    }

    /** The on-disk history when configured, pruned every few minutes (or more often for short retentions). */
    private static ReportHistory history(Vertx vertx, AppConfig config) {
        if (config.historyDir() == null) return null;
        DecodeLimits d = DecodeLimits.defaults();
        ReportHistory history = new ReportHistory(config.historyDir(), config.historyRetention(), config.window(),
                new DecodeLimits(config.maxReportBytes(), d.maxDepth(), (int) Math.min(d.maxStringLength(), config.maxReportBytes())));
        long every = Math.max(100, Math.min(Duration.ofMinutes(5).toMillis(), config.historyRetention().toMillis() / 4));
        vertx.setPeriodic(every, t -> vertx.executeBlocking(() -> history.prune(WallClock.nanos()), false)
                .onFailure(e -> log.warn("pruning history failed: {}", e.getMessage())));
        log.info("keeping report history in {} for {}", config.historyDir(), config.historyRetention());
        return history;
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

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out", e);
        }
    }
}

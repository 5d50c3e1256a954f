package dev.scope.service.gateway;

import dev.scope.service.auth.Authenticator;
import dev.scope.service.http.Futures;
import dev.scope.service.http.OpsRoutes;
import dev.scope.service.http.Replies;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway (Weave's "authfe"): the only component exposed. Authenticates probes by token and browsers by session
 * and organisation membership (through the {@link Authenticator}), strips and sets the internal headers, strips
 * the {@code /api/app/{org}} prefix, and forwards HTTP and websockets to the components' replicas; serves the UI.
 */
public final class GatewayComponent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayComponent.class);
    private static final int MAX_WEBSOCKET_MESSAGE = 64 << 20; // a large topology's first diff

    private final Vertx vertx;
    private final HttpServer server;
    private final HttpClientAgent client;
    private final WebSocketClient webSockets;
    private final long cleanup;

    private GatewayComponent(Vertx vertx, HttpServer server, HttpClientAgent client, WebSocketClient webSockets, long cleanup) {
        this.vertx = vertx;
        this.server = server;
        this.client = client;
        this.webSockets = webSockets;
        this.cleanup = cleanup;
    }

    public static GatewayComponent start(Vertx vertx, Authenticator authenticator, MeterRegistry metrics, GatewaySettings settings) {
        HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5000)
                .setKeepAlive(true).setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(64));
        WebSocketClient webSockets = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(5000)
                .setMaxMessageSize(MAX_WEBSOCKET_MESSAGE).setMaxFrameSize(1 << 20));
        ReportRateLimit rate = new ReportRateLimit(settings.reportsPerSecondPerOrg(), settings.reportBurstPerOrg(), System::nanoTime);
        BrowserGuards guards = new BrowserGuards(settings.tls());

        Router router = Router.router(vertx);
        router.route().handler(new AccessLog(metrics)::handle).handler(guards::securityHeaders);
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status >= 500) log.error("{} {} failed", ctx.request().method(), Replies.printable(ctx.request().path()), ctx.failure());
            Replies.text(ctx, status, Replies.reason(status));
        });
        OpsRoutes.mountExposed(vertx, router, metrics, () -> true);
        new GatewayRoutes(new Gate(vertx, authenticator), new HttpForwarder(client), new WebSocketForwarder(webSockets), rate, settings)
                .mount(router);

        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(false)
                .setMaxWebSocketMessageSize(MAX_WEBSOCKET_MESSAGE).setMaxWebSocketFrameSize(1 << 20)
                .setMaxHeaderSize(16 * 1024);
        HttpServer server = Futures.await(vertx.createHttpServer(options).requestHandler(router).listen(settings.port(), settings.host()));
        long cleanup = vertx.setPeriodic(60_000, t -> rate.forgetFull());
        log.info("gateway listening on {}:{}", settings.host(), server.actualPort());
        return new GatewayComponent(vertx, server, client, webSockets, cleanup);
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        vertx.cancelTimer(cleanup);
        Futures.await(server.close());
        Futures.await(client.close());
        Futures.await(webSockets.close());
    }
}

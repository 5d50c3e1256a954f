package dev.scope.service.query;

import dev.scope.app.ReadApi;
import dev.scope.service.auth.InternalHeaders;
import dev.scope.service.auth.Role;
import dev.scope.service.db.Database;
import dev.scope.service.http.ComponentServer;
import dev.scope.service.http.OpsRoutes;
import dev.scope.service.http.OrgHeader;
import dev.scope.service.http.Replies;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The query component: the standalone app's read API ({@code /api}, {@code /api/topology...}, {@code /api/report},
 * {@code /api/probes}, topology websockets, {@code ?timestamp=}) for the organisation in {@code X-Scope-OrgID},
 * rendered from its reports in PostgreSQL and censored for the role in {@code X-Scope-Role}.
 */
public final class QueryComponent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueryComponent.class);
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final ComponentServer server;
    private final ReportNotifications notifications;

    private QueryComponent(ComponentServer server, ReportNotifications notifications) {
        this.server = server;
        this.notifications = notifications;
    }

    public static QueryComponent start(Vertx vertx, Database database, MeterRegistry metrics, QuerySettings settings) {
        OrgViews orgs = new OrgViews(vertx, new StoredReports(database.dataSource()), settings);
        // LISTEN holds its connection for good: a connection of its own, not one of the pool's.
        var pool = database.pool();
        ReportNotifications notifications = new ReportNotifications(
                () -> DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()), orgs);
        notifications.start();
        Gauge.builder("scope_query_organisations", orgs, OrgViews::size).description("organisations with cached reports").register(metrics);
        Gauge.builder("scope_query_probes", orgs, OrgViews::probes).description("probes with reports in the window, over cached organisations").register(metrics);
        Gauge.builder("scope_query_reports_held", orgs, OrgViews::reports).description("decoded reports held for the window").register(metrics);
        Timer latency = Timer.builder("scope_query_request_seconds").description("read API answers (websockets: until upgraded)")
                .publishPercentileHistogram().register(metrics);

        Router router = Router.router(vertx);
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status >= 500) log.error("{} {} failed", ctx.request().method(), Replies.printable(ctx.request().path()), ctx.failure());
            Replies.text(ctx, status, Replies.reason(status));
        });
        OpsRoutes.mount(vertx, router, metrics, notifications::listening);
        router.get("/api").handler(perOrg(orgs, latency, ReadApi::info));
        router.get("/api/topology").handler(perOrg(orgs, latency, ReadApi::topologies));
        router.getWithRegex("/api/topology/.+").handler(perOrg(orgs, latency, ReadApi::topology));
        router.get("/api/report").handler(perOrg(orgs, latency, ReadApi::report));
        router.get("/api/probes").handler(perOrg(orgs, latency, ReadApi::probes));

        ComponentServer server = ComponentServer.listen(vertx, new HttpServerOptions(), router, settings.host(), settings.port())
                .every(Duration.ofMinutes(1), () -> orgs.evictIdle(IDLE));
        log.info("query listening on {}:{}", settings.host(), server.port());
        return new QueryComponent(server, notifications);
    }

    private static Handler<RoutingContext> perOrg(OrgViews orgs, Timer latency, BiConsumer<ReadApi, RoutingContext> route) {
        return ctx -> {
            String org = OrgHeader.require(ctx);
            if (org == null) return;
            Role role;
            String header = ctx.request().getHeader(InternalHeaders.ROLE);
            try {
                role = header == null || header.isBlank() ? Role.VIEWER : Role.fromWireName(header);
            } catch (IllegalArgumentException e) {
                Replies.text(ctx, 400, "unknown role " + Replies.printable(header));
                return;
            }
            long started = System.nanoTime();
            ctx.addEndHandler(v -> latency.record(Duration.ofNanos(System.nanoTime() - started)));
            route.accept(orgs.api(org, role), ctx);
        };
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        notifications.close();
    }
}

package dev.scope.service.collection;

import dev.scope.service.db.Database;
import dev.scope.service.http.Futures;
import dev.scope.service.http.OpsRoutes;
import dev.scope.service.http.Replies;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

/**
 * The collection component: {@code POST /api/report} from the gateway (with {@code X-Scope-OrgID}) into
 * PostgreSQL, then {@code NOTIFY scope_reports}. Keeps the day partitions ahead of the clock and drops those past
 * retention (hourly), and deletes dedup receipts past their window (every window: the table holds at most two).
 */
public final class CollectionComponent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CollectionComponent.class);
    private static final long HOUSEKEEPING_MS = Duration.ofHours(1).toMillis();

    private final Vertx vertx;
    private final HttpServer server;
    private final long housekeeping;
    private final long receiptCleaning;

    private CollectionComponent(Vertx vertx, HttpServer server, long housekeeping, long receiptCleaning) {
        this.vertx = vertx;
        this.server = server;
        this.housekeeping = housekeeping;
        this.receiptCleaning = receiptCleaning;
    }

    public static CollectionComponent start(Vertx vertx, Database database, MeterRegistry metrics, CollectionSettings settings) {
        ReportPartitions partitions = new ReportPartitions(database.dataSource());
        try {
            partitions.ensure(Instant.now());
            partitions.dropOlderThan(Instant.now(), settings.retention());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot prepare report partitions: " + e.getMessage(), e);
        }
        ReportIntake intake = new ReportIntake(vertx, new ReportStore(database.dataSource(), partitions), settings.maxReportBytes(), metrics);
        Router router = Router.router(vertx);
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status >= 500) log.error("{} {} failed", ctx.request().method(), Replies.printable(ctx.request().path()), ctx.failure());
            Replies.text(ctx, status, Replies.reason(status));
        });
        router.post("/api/report").handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes())).handler(intake::handle);
        OpsRoutes.mount(vertx, router, metrics, () -> reachable(database));
        HttpServer server = Futures.await(vertx.createHttpServer().requestHandler(router).listen(settings.port(), settings.host()));
        long timer = vertx.setPeriodic(HOUSEKEEPING_MS, id -> vertx.executeBlocking(() -> {
            partitions.ensure(Instant.now());
            return partitions.dropOlderThan(Instant.now(), settings.retention());
        }, false).onFailure(e -> log.warn("report partition housekeeping failed: {}", e.getMessage())));
        ReportReceipts receipts = new ReportReceipts(database.dataSource());
        long cleaning = vertx.setPeriodic(ReportReceipts.WINDOW.toMillis(), id -> vertx.executeBlocking(receipts::deleteExpired, false)
                .onFailure(e -> log.warn("deleting expired report receipts failed: {}", e.getMessage())));
        log.info("collection listening on {}:{}", settings.host(), server.actualPort());
        return new CollectionComponent(vertx, server, timer, cleaning);
    }

    static boolean reachable(Database database) {
        try (Connection c = database.dataSource().getConnection()) {
            return c.isValid(2);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        vertx.cancelTimer(housekeeping);
        vertx.cancelTimer(receiptCleaning);
        Futures.await(server.close());
    }
}

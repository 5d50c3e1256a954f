package dev.scope.service.pipe;

import dev.scope.service.db.PoolMetrics;
import dev.scope.service.control.ReplicaDirectory;
import dev.scope.service.control.ReplicaServer;
import dev.scope.service.db.Database;
import dev.scope.service.http.Futures;
import dev.scope.service.http.OpsRoutes;
import dev.scope.service.http.Replies;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pipe component: the UI end ({@code GET /api/pipe/{id}}) and the probe end ({@code GET /api/pipe/{id}/probe})
 * of a terminal or log stream may land on different replicas; each end is recorded in PostgreSQL, and the replica
 * holding the UI end bridges to the one holding the probe end ({@link PipeBridges}). {@code /check}, {@code DELETE}
 * and the idle timeout behave as the standalone app's, across replicas.
 */
public final class PipeComponent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PipeComponent.class);

    private final Vertx vertx;
    private final HttpServer server;
    private final ReplicaDirectory replica;
    private final LocalPipes pipes;
    private final PipeBridges bridges;
    private final long sweepTimer;

    private PipeComponent(Vertx vertx, HttpServer server, ReplicaDirectory replica, LocalPipes pipes, PipeBridges bridges,
                          long sweepTimer) {
        this.vertx = vertx;
        this.server = server;
        this.replica = replica;
        this.pipes = pipes;
        this.bridges = bridges;
        this.sweepTimer = sweepTimer;
    }

    /** Starts a replica and returns once it listens and is registered. Call from outside any event loop. */
    public static PipeComponent start(Vertx vertx, Database database, MeterRegistry registry, PipeSettings settings) {
        AtomicReference<ReplicaDirectory> directory = new AtomicReference<>();
        PipeStore store = new PipeStore(database);
        PipeBridges bridges = new PipeBridges(vertx, registry);
        LocalPipes pipes = new LocalPipes(settings.idleTimeout().toNanos(), key -> {
            ReplicaDirectory self = directory.get();
            if (self == null) return;
            self.blocking(() -> {
                store.closed(key.org(), key.id(), self.replicaId());
                return null;
            }).onFailure(e -> log.warn("could not record pipe {} as closed: {}", Replies.printable(key.id()), e.getMessage()));
        });
        PipeHandlers handlers = new PipeHandlers(pipes, store, bridges, directory::get);

        Router router = Router.router(vertx);
        router.get("/api/pipe/:id").handler(ctx -> handlers.connect(ctx, PipeStore.EndKind.UI));
        router.get("/api/pipe/:id/probe").handler(ctx -> handlers.connect(ctx, PipeStore.EndKind.PROBE));
        router.get("/api/pipe/:id/check").handler(handlers::check);
        router.delete("/api/pipe/:id").handler(handlers::delete);
        router.post("/api/pipe/:id").handler(handlers::delete);
        router.get(PipeBridges.WS_PATH).handler(handlers::bridgeIn);
        router.post(PipeBridges.BRIDGE_PATH).handler(BodyHandler.create(false).setBodyLimit(8192)).handler(handlers::dialRequested);
        router.post(PipeBridges.CLOSE_PATH).handler(BodyHandler.create(false).setBodyLimit(8192)).handler(handlers::closeRequested);
        OpsRoutes.mount(vertx, router, registry, () -> directory.get() != null && directory.get().healthy());
        PoolMetrics.bind(registry, database);
        Gauge.builder("scope_pipes_open", pipes, LocalPipes::open).description("open pipes with an end on this replica")
                .register(registry);

        // our pipe ends vanish with a lapsed registration; the pipes then close by their idle timeout
        ReplicaServer started = ReplicaServer.start(vertx, database, "pipe", settings.replica(),
                new HttpServerOptions().setMaxWebSocketMessageSize(1 << 20).setMaxWebSocketFrameSize(1 << 20),
                router, () -> { }, bridges::close);
        directory.set(started.directory());
        Duration idle = settings.idleTimeout();
        long sweepMillis = Math.max(10, Math.min(30_000, idle.toMillis() / 4));
        long timer = vertx.setPeriodic(sweepMillis, t -> {
            pipes.sweep(System.nanoTime());
            directory.get().blocking(() -> {
                store.pruneClosed(idle.multipliedBy(10));
                return null;
            }).onFailure(e -> log.debug("pruning closed pipes: {}", e.getMessage()));
        });
        return new PipeComponent(vertx, started.server(), started.directory(), pipes, bridges, timer);
    }

    public int port() {
        return server.actualPort();
    }

    public String replicaId() {
        return replica.replicaId();
    }

    /** Open pipes with an end on this replica. */
    public int openPipes() {
        return pipes.open();
    }

    @Override
    public void close() {
        vertx.cancelTimer(sweepTimer);
        pipes.closeAll();
        replica.close();
        bridges.close();
        try {
            Futures.await(server.close());
        } catch (RuntimeException e) {
            log.debug("closing the pipe server: {}", e.getMessage());
        }
    }
}

package dev.scope.service.control;

import dev.scope.service.auth.InternalHeaders;
import dev.scope.service.db.Database;
import dev.scope.service.db.PoolMetrics;
import dev.scope.service.http.Futures;
import dev.scope.service.http.OpsRoutes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The control component: probes' control websockets ({@code GET /api/control/ws}) land on any replica, which records
 * {@code (org, probe) → replica} in PostgreSQL; a UI's {@code POST /api/control/{probe}/{node}/{control}} on any
 * replica is checked against the user's role, then sent to the probe here or forwarded to the replica holding it.
 * Requests come from the gateway with {@link InternalHeaders}; paths are the standalone app's.
 */
public final class ControlComponent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlComponent.class);
    private static final long MAX_CONTROL_BODY = 1 << 20;

    private final HttpServer server;
    private final ReplicaDirectory replica;
    private final LocalProbes probes;
    private final ControlRelay relay;

    private ControlComponent(HttpServer server, ReplicaDirectory replica, LocalProbes probes, ControlRelay relay) {
        this.server = server;
        this.replica = replica;
        this.probes = probes;
        this.relay = relay;
    }

    /** Starts a replica and returns once it listens and is registered. Call from outside any event loop. */
    public static ControlComponent start(Vertx vertx, Database database, MeterRegistry registry, ControlSettings settings) {
        AtomicReference<ReplicaDirectory> directory = new AtomicReference<>();
        ControlRouteStore routes = new ControlRouteStore(database);
        LocalProbes probes = new LocalProbes(vertx, routes, directory::get, settings.controlTimeout());
        ControlRelay relay = new ControlRelay(vertx, settings.controlTimeout());
        ControlHandlers handlers = new ControlHandlers(probes, routes, relay, directory, registry);

        Router router = Router.router(vertx);
        router.get("/api/control/ws").handler(handlers::acceptProbe);
        router.postWithRegex("/api/control/.*").handler(BodyHandler.create(false).setBodyLimit(MAX_CONTROL_BODY))
                .handler(handlers::control);
        router.post(ControlRelay.PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_CONTROL_BODY + 4096))
                .handler(handlers::relayed);
        OpsRoutes.mount(vertx, router, registry, () -> directory.get() != null && directory.get().healthy());
        PoolMetrics.bind(registry, database);
        Gauge.builder("scope_control_probes", probes, LocalProbes::count)
                .description("probes whose control websocket is connected to this replica").register(registry);

        ReplicaServer started = ReplicaServer.start(vertx, database, "control", settings.replica(), new HttpServerOptions(),
                router, probes::recordAll, relay::close);
        directory.set(started.directory());
        return new ControlComponent(started.server(), started.directory(), probes, relay);
    }

    public int port() {
        return server.actualPort();
    }

    public String replicaId() {
        return replica.replicaId();
    }

    /** Probes connected to this replica. */
    public int connectedProbes() {
        return probes.count();
    }

    @Override
    public void close() {
        replica.close(); // our routes go with our row: other replicas stop forwarding here at once
        probes.closeAll();
        relay.close();
        try {
            Futures.await(server.close());
        } catch (RuntimeException e) {
            log.debug("closing the control server: {}", e.getMessage());
        }
    }
}

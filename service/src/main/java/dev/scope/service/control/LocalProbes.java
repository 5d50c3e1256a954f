package dev.scope.service.control;

import dev.scope.app.ControlConnection;
import dev.scope.service.http.Replies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The probes whose control websocket landed on this replica, each recorded in {@code control_routes} so other
 * replicas can forward to us. The newest connection of a probe wins, here as in the database.
 */
final class LocalProbes {
    private static final Logger log = LoggerFactory.getLogger(LocalProbes.class);

    record Key(String org, String probe) {
    }

    private record Local(String connectionId, ControlConnection connection) {
    }

    private final Vertx vertx;
    private final ControlRouteStore routes;
    private final Supplier<ReplicaDirectory> replica;
    private final Duration timeout;
    private final Map<Key, Local> probes = new ConcurrentHashMap<>();

    /** The directory is made after the server listens (it needs the port), so it is looked up late. */
    LocalProbes(Vertx vertx, ControlRouteStore routes, Supplier<ReplicaDirectory> replica, Duration timeout) {
        this.vertx = vertx;
        this.routes = routes;
        this.replica = replica;
        this.timeout = timeout;
    }

    int count() {
        return probes.size();
    }

    /** Takes over an upgraded websocket; must run on its event loop. */
    void accept(String org, String probe, ServerWebSocket ws) {
        Key key = new Key(org, probe);
        Local local = new Local(UUID.randomUUID().toString(), new ControlConnection(vertx, ws, probe, timeout));
        Local previous = probes.put(key, local);
        ws.closeHandler(v -> {
            probes.remove(key, local);
            local.connection().closed();
            replica.get().blocking(() -> {
                routes.forget(org, probe, local.connectionId());
                return null;
            }).onFailure(e -> log.warn("could not forget the control route of probe {}: {}", Replies.printable(probe), e.getMessage()));
            log.info("probe {} of org {} closed its control connection", Replies.printable(probe), org);
        });
        if (previous != null) previous.connection().close();
        record(key, local).onFailure(e -> {
            // without a route no other replica can reach the probe: let it reconnect (perhaps elsewhere)
            log.warn("could not record the control route of probe {}, closing it: {}", Replies.printable(probe), e.getMessage());
            ws.close((short) 1011, "cannot record the route");
        });
        log.info("probe {} of org {} connected for controls", Replies.printable(probe), org);
    }

    private Future<Void> record(Key key, Local local) {
        ReplicaDirectory r = replica.get();
        return r.blocking(() -> {
            routes.record(key.org(), key.probe(), r.replicaId(), local.connectionId());
            return null;
        });
    }

    /** Records every live connection again (after our replica row lapsed and took the routes with it). */
    void recordAll() {
        probes.forEach((key, local) -> {
            try {
                routes.record(key.org(), key.probe(), replica.get().replicaId(), local.connectionId());
            } catch (SQLException e) {
                log.warn("could not record the control route of probe {} again: {}", Replies.printable(key.probe()), e.getMessage());
            }
        });
    }

    /** Calls the probe connected here; fails with ProbeGone when it is not (any more). */
    Future<JsonObject> call(String org, String probe, JsonObject request) {
        Local local = probes.get(new Key(org, probe));
        if (local == null) {
            return Future.failedFuture(new ControlConnection.ProbeGone("probe " + probe + " is not connected right now", false));
        }
        return local.connection().call(request);
    }

    void closeAll() {
        probes.values().forEach(l -> l.connection().close());
    }
}

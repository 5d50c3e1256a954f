package dev.scope.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes controls from the UI to the probe that owns the node: GET /api/control/ws registers a
 * probe's control connection (the newest one per probe id wins, as in Weave Scope), and
 * POST /api/control/{probeID}/{nodeID}/{control} calls it.
 */
final class ControlRouter {
    private static final Logger log = LoggerFactory.getLogger(ControlRouter.class);

    private final Vertx vertx;
    private final String appId;
    private final Duration timeout;
    private final Map<String, ControlConnection> probes = new ConcurrentHashMap<>();

    ControlRouter(Vertx vertx, String appId, Duration timeout) {
        this.vertx = vertx;
        this.appId = appId;
        this.timeout = timeout;
    }

    int connectedProbes() {
        return probes.size();
    }

    /** GET /api/control/ws */
    void acceptProbe(RoutingContext ctx) {
        String probeId = ctx.request().getHeader(ProbeHeaders.PROBE_ID);
        if (probeId == null || probeId.isBlank()) {
            Responses.text(ctx, 400, "missing header " + ProbeHeaders.PROBE_ID);
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> register(probeId, ws))
                .onFailure(e -> Responses.text(ctx, 400, "websocket upgrade failed: " + e.getMessage()));
    }

    private void register(String probeId, ServerWebSocket ws) {
        ControlConnection conn = new ControlConnection(vertx, ws, probeId, timeout);
        ControlConnection previous = probes.put(probeId, conn);
        log.info("probe {} connected for controls", Responses.printable(probeId));
        ws.closeHandler(v -> {
            probes.remove(probeId, conn);
            conn.closed();
            log.info("probe {} control connection closed", Responses.printable(probeId));
        });
        if (previous != null) previous.close();
    }

    /** POST /api/control/{probeID}/{nodeID}/{control}, ids already unescaped. */
    void handle(RoutingContext ctx, String probeId, String nodeId, String control) {
        JsonObject args;
        try {
            args = parseArgs(ctx);
        } catch (IllegalArgumentException e) {
            Responses.jsonError(ctx, 400, e.getMessage());
            return;
        }
        JsonObject request = new JsonObject().put("AppID", appId).put("NodeID", nodeId)
                .put("Control", control).put("ControlArgs", args);
        call(probeId, request).onComplete(ar -> {
            if (ar.failed()) {
                Responses.jsonError(ctx, 400, ar.cause().getMessage());
                return;
            }
            JsonObject answer = ar.result();
            String error = answer.getValue("error") instanceof String s ? s : "";
            if (!error.isEmpty()) {
                Responses.jsonError(ctx, 400, error);
                return;
            }
            answer.remove("shortcutReport"); // the probe publishes it itself; the UI never needs it
            Responses.json(ctx, 200, answer);
        });
    }

    Future<JsonObject> call(String probeId, JsonObject request) {
        ControlConnection conn = probes.get(probeId);
        if (conn == null) {
            return Future.failedFuture(new ControlConnection.ProbeGone("probe " + probeId + " is not connected right now", false));
        }
        return conn.call(request);
    }

    private static JsonObject parseArgs(RoutingContext ctx) {
        return ControlArgs.parse(ctx.body() == null ? null : ctx.body().asString());
    }

    void closeAll() {
        probes.values().forEach(ControlConnection::close);
    }
}

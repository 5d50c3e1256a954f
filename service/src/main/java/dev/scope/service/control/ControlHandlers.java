package dev.scope.service.control;

import dev.scope.app.ControlArgs;
import dev.scope.service.auth.ControlPermissions;
import dev.scope.service.auth.InternalHeaders;
import dev.scope.service.auth.Role;
import dev.scope.service.http.OrgHeader;
import dev.scope.service.http.Replies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** The control component's routes: the probe's websocket, the UI's control requests, and calls relayed from peers. */
final class ControlHandlers {
    private static final String PROBE_ID = "X-Scope-Probe-ID";

    private final LocalProbes probes;
    private final ControlRouteStore routes;
    private final ControlRelay relay;
    private final AtomicReference<ReplicaDirectory> replica;
    private final MeterRegistry registry;
    private final Counter forwarded;

    ControlHandlers(LocalProbes probes, ControlRouteStore routes, ControlRelay relay, AtomicReference<ReplicaDirectory> replica,
                    MeterRegistry registry) {
        this.probes = probes;
        this.routes = routes;
        this.relay = relay;
        this.replica = replica;
        this.registry = registry;
        this.forwarded = Counter.builder("scope_control_forwarded").description("control calls forwarded to another replica")
                .register(registry);
    }

    /** GET /api/control/ws from a probe, through the gateway. */
    void acceptProbe(RoutingContext ctx) {
        String org = OrgHeader.require(ctx);
        if (org == null) return;
        if (replica.get() == null) {
            Replies.text(ctx, 503, "starting");
            return;
        }
        String probe = ctx.request().getHeader(PROBE_ID);
        if (probe == null || probe.isBlank()) {
            Replies.text(ctx, 400, "missing header " + PROBE_ID);
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> probes.accept(org, probe, ws))
                .onFailure(e -> Replies.text(ctx, 400, "websocket upgrade failed: " + e.getMessage()));
    }

    /** POST /api/control/{probeID}/{nodeID}/{control}, split on the raw path like Weave Scope. */
    void control(RoutingContext ctx) {
        String org = OrgHeader.require(ctx);
        if (org == null) return;
        String[] parts = ctx.request().path().substring("/api/control/".length()).split("/", -1);
        if (parts.length != 3) {
            Replies.text(ctx, 404, "expected /api/control/{probeID}/{nodeID}/{control}");
            return;
        }
        String probe;
        String node;
        String control;
        try {
            probe = unescape(parts[0]);
            node = unescape(parts[1]);
            control = unescape(parts[2]);
        } catch (IllegalArgumentException e) {
            Replies.text(ctx, 404, "malformed path: " + e.getMessage());
            return;
        }
        Role role = role(ctx);
        if (role == null) return;
        if (!ControlPermissions.allows(role, control)) {
            reply(ctx, ControlReply.error(403, "your role (" + role.wireName() + ") may not run "
                    + Replies.printable(control) + ": it needs " + ControlPermissions.required(control).wireName()));
            return;
        }
        JsonObject args;
        try {
            args = ControlArgs.parse(ctx.body() == null ? null : ctx.body().asString());
        } catch (IllegalArgumentException e) {
            reply(ctx, ControlReply.error(400, e.getMessage()));
            return;
        }
        ReplicaDirectory self = replica.get();
        if (self == null) {
            reply(ctx, ControlReply.error(503, "the control replica is starting"));
            return;
        }
        JsonObject request = new JsonObject().put("AppID", self.replicaId()).put("NodeID", node)
                .put("Control", control).put("ControlArgs", args);
        self.blocking(() -> routes.lookup(org, probe)).compose(route -> {
            if (route.isEmpty()) {
                return Future.succeededFuture(ControlReply.error(502, "probe " + probe + " is not connected right now"));
            }
            if (route.get().replicaId().equals(self.replicaId())) return callHere(org, probe, request);
            forwarded.increment();
            return relay.forward(route.get().internalUrl(), org, probe, request);
        }).onComplete(ar -> reply(ctx, ar.succeeded() ? ar.result()
                : ControlReply.error(503, "cannot look up the probe's connection: " + ar.cause().getMessage())));
    }

    /** POST /internal/control/call from another replica: the probe's connection is (or was) here. */
    void relayed(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || !(body.getValue("org") instanceof String org) || !(body.getValue("probe") instanceof String probe)
                || !(body.getValue("request") instanceof JsonObject request)) {
            Replies.text(ctx, 400, "expected {org, probe, request}");
            return;
        }
        callHere(org, probe, request).onComplete(ar -> send(ctx, ar.result()));
    }

    private Future<ControlReply> callHere(String org, String probe, JsonObject request) {
        return probes.call(org, probe, request).map(ControlReply::ofAnswer).otherwise(ControlReply::ofFailure);
    }

    private Role role(RoutingContext ctx) {
        String header = ctx.request().getHeader(InternalHeaders.ROLE);
        if (header == null || header.isBlank()) {
            send(ctx, ControlReply.error(403, "controls are run by members of the organisation: no role given"));
            return null;
        }
        try {
            return Role.fromWireName(header);
        } catch (IllegalArgumentException e) {
            send(ctx, ControlReply.error(400, "unknown role " + Replies.printable(header)));
            return null;
        }
    }

    private void reply(RoutingContext ctx, ControlReply reply) {
        registry.counter("scope_control_requests", "status", Integer.toString(reply.status())).increment();
        send(ctx, reply);
    }

    private static void send(RoutingContext ctx, ControlReply reply) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        ctx.response().setStatusCode(reply.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").end(reply.jsonBody());
    }

    /** Go's url.PathUnescape: percent-decoding where '+' stays '+'. */
    static String unescape(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

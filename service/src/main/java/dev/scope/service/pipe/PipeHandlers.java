package dev.scope.service.pipe;

import dev.scope.app.Pipe;
import dev.scope.service.control.ReplicaDirectory;
import dev.scope.service.http.OrgHeader;
import dev.scope.service.http.Replies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.function.Supplier;

/** The pipe component's routes: the public ends, /check and DELETE, and the internal bridge routes. */
final class PipeHandlers {
    private static final Logger log = LoggerFactory.getLogger(PipeHandlers.class);

    private final LocalPipes pipes;
    private final PipeStore store;
    private final PipeBridges bridges;
    private final Supplier<ReplicaDirectory> replica;

    PipeHandlers(LocalPipes pipes, PipeStore store, PipeBridges bridges, Supplier<ReplicaDirectory> replica) {
        this.pipes = pipes;
        this.store = store;
        this.bridges = bridges;
        this.replica = replica;
    }

    /** The pipe a request names, in its organisation, and this replica. */
    private record Target(LocalPipes.Key key, ReplicaDirectory self) {
    }

    /** The request's {@link Target}; null once it has been answered 400 (no organisation) or 503 (still starting). */
    private Target target(RoutingContext ctx) {
        String org = OrgHeader.require(ctx);
        if (org == null) return null;
        ReplicaDirectory self = replica.get();
        if (self == null) {
            Replies.text(ctx, 503, "starting");
            return null;
        }
        return new Target(new LocalPipes.Key(org, ctx.pathParam("id")), self);
    }

    /** GET /api/pipe/{id} (UI end) and /api/pipe/{id}/probe (probe end). */
    void connect(RoutingContext ctx, PipeStore.EndKind end) {
        Target target = target(ctx);
        if (target == null) return;
        ReplicaDirectory self = target.self();
        LocalPipes.Key key = target.key();
        ctx.request().pause(); // the upgrade waits for the database's answer
        self.blocking(() -> store.isClosed(key.org(), key.id())).onComplete(ar -> {
            ctx.request().resume();
            if (ar.failed()) {
                Replies.text(ctx, 503, "cannot check the pipe: " + ar.cause().getMessage());
                return;
            }
            Pipe pipe = ar.result() ? null : pipes.getOrCreate(key);
            if (ar.result() || (pipe != null && pipe.isClosed())) {
                Replies.text(ctx, 404, "pipe " + Replies.printable(key.id()) + " is closed");
                return;
            }
            if (pipe == null) {
                Replies.text(ctx, 503, "too many pipes open");
                return;
            }
            ctx.request().toWebSocket().onSuccess(ws -> {
                pipe.attach(end.pipeEnd(), ws);
                String connectionId = UUID.randomUUID().toString();
                self.blocking(() -> {
                    store.recordEnd(key.org(), key.id(), end, self.replicaId(), connectionId);
                    return store.endElsewhere(key.org(), key.id(), end.other(), self.replicaId());
                }).onSuccess(peer -> peer.ifPresent(url -> {
                    if (end == PipeStore.EndKind.UI) bridges.dial(url, key, pipe);
                    else bridges.askToDial(url, key, self.internalUrl()).onFailure(e -> log.info(
                            "pipe {}: the UI end's replica would not bridge: {}", Replies.printable(key.id()), e.getMessage()));
                })).onFailure(e -> {
                    log.warn("pipe {}: cannot record its {} end, closing it: {}", Replies.printable(key.id()), end.wire, e.getMessage());
                    pipe.close(System.nanoTime());
                });
            }).onFailure(e -> Replies.text(ctx, 400, "websocket upgrade failed: " + e.getMessage()));
        });
    }

    /** GET /api/pipe/{id}/check: 204 until the pipe is closed (on any replica), 404 after. */
    void check(RoutingContext ctx) {
        Target target = target(ctx);
        if (target == null) return;
        LocalPipes.Key key = target.key();
        Pipe local = pipes.get(key);
        if (local != null && local.isClosed()) {
            Replies.text(ctx, 404, "pipe " + Replies.printable(key.id()) + " is closed");
            return;
        }
        target.self().blocking(() -> store.isClosed(key.org(), key.id())).onComplete(ar -> {
            if (ar.failed()) Replies.text(ctx, 503, "cannot check the pipe: " + ar.cause().getMessage());
            else if (ar.result()) Replies.text(ctx, 404, "pipe " + Replies.printable(key.id()) + " is closed");
            else ctx.response().setStatusCode(204).end();
        });
    }

    /** DELETE (or POST) /api/pipe/{id}: closes the pipe here and on the replicas holding its ends. */
    void delete(RoutingContext ctx) {
        Target target = target(ctx);
        if (target == null) return;
        ReplicaDirectory self = target.self();
        LocalPipes.Key key = target.key();
        Pipe local = pipes.get(key);
        if (local != null) local.close(System.nanoTime());
        self.blocking(() -> {
            store.closed(key.org(), key.id(), self.replicaId());
            return store.replicasElsewhere(key.org(), key.id(), self.replicaId());
        }).compose(urls -> Future.join(urls.stream().map(url -> bridges.closeAt(url, key)
                        .onFailure(e -> log.info("pipe {}: {} did not close it: {}", Replies.printable(key.id()), url, e.getMessage())))
                .toList()).transform(ar -> Future.<Void>succeededFuture()))
                .onComplete(ar -> {
                    if (ar.failed()) Replies.text(ctx, 503, "cannot close the pipe: " + ar.cause().getMessage());
                    else ctx.response().setStatusCode(200).end();
                });
    }

    /** GET /internal/pipe/ws?org&id: the UI end's replica bridging to the probe end held here. */
    void bridgeIn(RoutingContext ctx) {
        String org = ctx.queryParams().get("org");
        String id = ctx.queryParams().get("id");
        Pipe pipe = org == null || id == null ? null : pipes.get(new LocalPipes.Key(org, id));
        if (pipe == null || pipe.isClosed()) {
            Replies.text(ctx, 404, "no open pipe " + Replies.printable(String.valueOf(id)) + " here");
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> pipe.attach(Pipe.End.UI, ws))
                .onFailure(e -> Replies.text(ctx, 400, "websocket upgrade failed: " + e.getMessage()));
    }

    /** POST /internal/pipe/bridge {org, id, url}: the probe end arrived at the replica at url; dial it. */
    void dialRequested(RoutingContext ctx) {
        JsonObject body = json(ctx);
        if (body == null || !(body.getValue("org") instanceof String org) || !(body.getValue("id") instanceof String id)
                || !(body.getValue("url") instanceof String url)) {
            Replies.text(ctx, 400, "expected {org, id, url}");
            return;
        }
        LocalPipes.Key key = new LocalPipes.Key(org, id);
        Pipe pipe = pipes.get(key);
        if (pipe == null || pipe.isClosed()) {
            Replies.text(ctx, 404, "no open pipe " + Replies.printable(id) + " here");
            return;
        }
        bridges.dial(url, key, pipe);
        ctx.response().setStatusCode(204).end();
    }

    /** POST /internal/pipe/close {org, id}: the pipe was deleted on another replica. */
    void closeRequested(RoutingContext ctx) {
        JsonObject body = json(ctx);
        if (body == null || !(body.getValue("org") instanceof String org) || !(body.getValue("id") instanceof String id)) {
            Replies.text(ctx, 400, "expected {org, id}");
            return;
        }
        Pipe pipe = pipes.get(new LocalPipes.Key(org, id));
        if (pipe != null) pipe.close(System.nanoTime());
        ctx.response().setStatusCode(204).end();
    }

    private static JsonObject json(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package dev.scope.app;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's pipes by id, as Weave Scope keeps them: a pipe is made when either end first connects,
 * {@code /check} answers 204 until the pipe is closed (unknown ids too) and 404 after, a closed pipe
 * is remembered ("tombstoned") for ten idle periods so late connections get 404, and a pipe whose end
 * stays unconnected for the idle timeout is closed.
 */
final class PipeRouter {
    static final int MAX_PIPES = 4096;

    private final Map<String, Pipe> pipes = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final long sweepTimer;
    private final Vertx vertx;

    PipeRouter(Vertx vertx, Duration idleTimeout) {
        this.vertx = vertx;
        this.idleNanos = idleTimeout.toNanos();
        long sweepMillis = Math.max(10, Math.min(30_000, idleTimeout.toMillis() / 4));
        this.sweepTimer = vertx.setPeriodic(sweepMillis, t -> sweep(System.nanoTime()));
    }

    int openPipes() {
        return (int) pipes.values().stream().filter(p -> !p.isClosed()).count();
    }

    /** GET /api/pipe/{id} and /api/pipe/{id}/probe */
    void connect(RoutingContext ctx, String id, Pipe.End end) {
        Pipe pipe = pipes.get(id);
        if (pipe == null) {
            if (pipes.size() >= MAX_PIPES) {
                Responses.text(ctx, 503, "too many pipes open");
                return;
            }
            pipe = pipes.computeIfAbsent(id, k -> new Pipe(k, System.nanoTime()));
        }
        if (pipe.isClosed()) {
            Responses.text(ctx, 404, "pipe " + Responses.printable(id) + " is closed");
            return;
        }
        Pipe target = pipe;
        ctx.request().toWebSocket()
                .onSuccess(ws -> target.attach(end, ws))
                .onFailure(e -> Responses.text(ctx, 400, "websocket upgrade failed: " + e.getMessage()));
    }

    /** GET /api/pipe/{id}/check */
    void check(RoutingContext ctx, String id) {
        Pipe pipe = pipes.get(id);
        if (pipe != null && pipe.isClosed()) Responses.text(ctx, 404, "pipe " + Responses.printable(id) + " is closed");
        else ctx.response().setStatusCode(204).end();
    }

    /** DELETE /api/pipe/{id} */
    void delete(RoutingContext ctx, String id) {
        Pipe pipe = pipes.get(id);
        if (pipe != null) pipe.close(System.nanoTime());
        ctx.response().setStatusCode(200).end();
    }

    private void sweep(long now) {
        for (Pipe p : pipes.values()) {
            if (p.idle(now, idleNanos)) p.close(now);
            else if (p.isClosed() && now - p.closedAt() >= 10 * idleNanos) pipes.remove(p.id(), p);
        }
    }

    void close() {
        vertx.cancelTimer(sweepTimer);
        pipes.values().forEach(p -> p.close(System.nanoTime()));
    }
}

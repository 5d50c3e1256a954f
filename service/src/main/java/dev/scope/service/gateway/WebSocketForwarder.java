package dev.scope.service.gateway;

import dev.scope.service.http.Replies;
import io.vertx.core.MultiMap;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Iterator;
import java.util.Map;

/**
 * Bridges a client's websocket to a backend's: the backend is connected first (failing over between replicas on
 * connection errors), so a refusal (404, 400, ...) reaches the client as a plain HTTP answer; then the client is
 * upgraded and messages flow both ways in order, with back-pressure. Either side closing closes the other.
 */
final class WebSocketForwarder {
    private static final Logger log = LoggerFactory.getLogger(WebSocketForwarder.class);

    private final WebSocketClient client;

    WebSocketForwarder(WebSocketClient client) {
        this.client = client;
    }

    /** The request must have been paused before any asynchronous step (authentication) ran. */
    void forward(RoutingContext ctx, Backend backend, String uri, Map<String, String> internal) {
        if (!backend.configured()) {
            Replies.text(ctx, 404, "not found (no " + backend.name() + " component is configured)");
            return;
        }
        MultiMap headers = ForwardHeaders.build(ctx.request(), internal, false, true);
        attempt(ctx, backend, backend.order(internal).iterator(), uri, headers);
    }

    private void attempt(RoutingContext ctx, Backend backend, Iterator<URI> replicas, String uri, MultiMap headers) {
        if (!replicas.hasNext()) {
            Replies.text(ctx, 502, "the " + backend.name() + " component is unavailable; try again");
            return;
        }
        URI replica = replicas.next();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(replica.getHost()).setPort(replica.getPort())
                .setURI(uri).setHeaders(headers);
        client.connect(options).onFailure(e -> {
            if (e instanceof UpgradeRejectedException rejected) {
                ctx.response().setStatusCode(rejected.getStatus());
                rejected.getHeaders().forEach((name, value) -> {
                    if (!ForwardHeaders.hopByHop(name)) ctx.response().headers().add(name, value);
                });
                if (rejected.getBody() != null) ctx.response().end(rejected.getBody());
                else ctx.response().end();
                return;
            }
            log.debug("cannot reach {} replica {}: {}", backend.name(), replica, e.getMessage());
            attempt(ctx, backend, replicas, uri, headers);
        }).onSuccess(back -> {
            back.pause(); // hold what the backend sends until the client's side is there to take it
            ctx.request().toWebSocket()
                    .onSuccess(front -> {
                        bridge(front, back);
                        back.resume();
                    })
                    .onFailure(e -> {
                        back.close();
                        Replies.text(ctx, 400, "websocket upgrade failed");
                    });
        });
    }

    private static void bridge(WebSocketBase front, WebSocket back) {
        oneWay(front, back);
        oneWay(back, front);
        front.closeHandler(v -> closeWith(back, front));
        back.closeHandler(v -> closeWith(front, back));
        front.exceptionHandler(e -> front.close());
        back.exceptionHandler(e -> back.close());
    }

    private static void oneWay(WebSocketBase from, WebSocketBase to) {
        from.textMessageHandler(text -> {
            if (to.isClosed()) return;
            to.writeTextMessage(text);
            throttle(from, to);
        });
        from.binaryMessageHandler(bytes -> {
            if (to.isClosed()) return;
            to.writeBinaryMessage(bytes);
            throttle(from, to);
        });
    }

    private static void throttle(WebSocketBase from, WebSocketBase to) {
        if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(v -> from.resume());
        }
    }

    /** Passes the close status on when it is one that may be sent (1005/1006/1015 may not). */
    private static void closeWith(WebSocketBase other, WebSocketBase closed) {
        if (other.isClosed()) return;
        Short status = closed.closeStatusCode();
        if (status == null || status == 1005 || status == 1006 || status == 1015) other.close();
        else other.close(status, closed.closeReason());
    }
}

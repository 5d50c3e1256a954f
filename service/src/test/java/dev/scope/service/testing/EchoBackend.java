package dev.scope.service.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/**
 * A stand-in backend that tells what reached it: every HTTP request is answered with its method, URI and headers as
 * JSON; a websocket first sends the same JSON, then echoes every message back.
 */
public final class EchoBackend implements AutoCloseable {
    private final HttpServer server;

    public EchoBackend(Vertx vertx) {
        try {
            server = vertx.createHttpServer().requestHandler(req -> {
                JsonObject seen = new JsonObject().put("method", req.method().name()).put("uri", req.uri());
                JsonObject headers = new JsonObject();
                req.headers().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
                seen.put("headers", headers);
                if (req.canUpgradeToWebSocket()) {
                    req.toWebSocket().onSuccess(ws -> {
                        ws.writeTextMessage(seen.encode());
                        ws.textMessageHandler(ws::writeTextMessage);
                        ws.binaryMessageHandler(ws::writeBinaryMessage);
                    });
                    return;
                }
                req.body().onSuccess(body -> req.response().putHeader("Content-Type", "application/json")
                        .end(seen.put("bodyBytes", body.length()).encode()));
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() {
        server.close();
    }
}

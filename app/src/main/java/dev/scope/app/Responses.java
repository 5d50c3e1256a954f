package dev.scope.app;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Writing answers: JSON bodies the way Weave Scope's {@code respondWith} does, and plain-text errors. */
final class Responses {
    private Responses() {
    }

    /** Like Weave Scope, answers are gzipped (when asked) only from this size; smaller ones gain nothing. */
    static final int GZIP_FROM_BYTES = 1400;

    static void json(RoutingContext ctx, int status, byte[] body) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        // Netty's size threshold never applies to Vert.x's streamed responses; "identity" opts out here.
        if (body.length < GZIP_FROM_BYTES) ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(Buffer.buffer(body));
    }

    static void json(RoutingContext ctx, int status, Object vertxJson) {
        json(ctx, status, Json.encodeToBuffer(vertxJson).getBytes());
    }

    /** An error as Weave Scope's control route answers it: a JSON string. */
    static void jsonError(RoutingContext ctx, int status, String message) {
        json(ctx, status, Json.encodeToBuffer(message).getBytes());
    }

    static void text(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY) // short; not worth gzip
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(message + "\n");
    }

    /** Echoing client input into messages: short, without control characters. */
    static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

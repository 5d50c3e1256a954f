package dev.scope.service.gateway;

import dev.scope.service.http.Replies;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/** Reads a (paused) request's body up to a limit; beyond it answers 413 and stops reading. */
final class BoundedBody {
    private BoundedBody() {
    }

    static void read(RoutingContext ctx, long limit, Consumer<Buffer> then) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    tooLarge(ctx, limit);
                    return;
                }
            } catch (NumberFormatException e) {
                Replies.text(ctx, 400, "bad Content-Length");
                return;
            }
        }
        // curl and others wait for this before sending a large body; by now the caller is authenticated.
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && !ctx.response().headWritten()) {
            ctx.response().writeContinue();
        }
        if (request.isEnded()) {
            then.accept(Buffer.buffer());
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        request.handler(chunk -> {
            if (over[0]) return;
            if (body.length() + (long) chunk.length() > limit) {
                over[0] = true;
                tooLarge(ctx, limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> over[0] = true);
        request.endHandler(v -> {
            if (!over[0]) then.accept(body);
        });
        request.resume();
    }

    private static void tooLarge(RoutingContext ctx, long limit) {
        // Close after answering over HTTP/1.x: the rest of the body is not worth reading.
        if (ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) ctx.response().putHeader("Connection", "close");
        Replies.text(ctx, 413, "request body too large (limit " + limit + " bytes)");
    }
}

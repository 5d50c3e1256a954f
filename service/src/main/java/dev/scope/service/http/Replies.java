package dev.scope.service.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Plain-text answers, and echoing client input safely into them. */
public final class Replies {
    private Replies() {
    }

    public static void text(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(message + "\n");
    }

    /** Client input in a message: short, without control characters. */
    public static String printable(String s) {
        if (s == null) return "";
        String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** Client mistakes keep their 4xx with a short reason; anything else is logged by the caller and answered 500. */
    public static String reason(int status) {
        return switch (status) {
            case 413 -> "request body too large";
            case 405 -> "method not allowed";
            case 404 -> "not found";
            case 401 -> "authentication required";
            case 403 -> "forbidden";
            default -> status >= 500 ? "internal error" : "bad request";
        };
    }
}

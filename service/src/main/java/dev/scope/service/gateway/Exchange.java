package dev.scope.service.gateway;

import io.vertx.ext.web.RoutingContext;

/** Per-request facts the access log prints: who the gateway decided the caller is. Kept on the routing context. */
final class Exchange {
    private static final String KEY = "scope.gateway.exchange";

    String route = "-";
    String org = "-";
    String who = "-";

    static Exchange of(RoutingContext ctx) {
        Exchange e = ctx.get(KEY);
        if (e == null) {
            e = new Exchange();
            ctx.put(KEY, e);
        }
        return e;
    }
}

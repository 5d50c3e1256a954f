package dev.scope.app;

import dev.scope.ops.OpsToken;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;

/** Request filters that run before every route: token, cross-site requests, read-only mode. */
final class Guards {
    private Guards() {
    }

    /** 401 unless the request carries the token; browsers are asked for it with Basic auth. */
    static void requireToken(OpsToken check, RoutingContext ctx) {
        if (check.accepts(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"Scope\", charset=\"UTF-8\"");
        Responses.text(ctx, 401, "authentication required: send Authorization: Scope-Probe token=<token>, Bearer or Basic");
    }

    /**
     * Refuses state-changing requests and websocket upgrades coming from another web origin, so a
     * page elsewhere cannot drive controls or terminals through a user's browser. Probes and CLI
     * clients send no Origin header and pass.
     */
    static void sameOriginForWrites(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        boolean sensitive = ctx.request().method() != HttpMethod.GET || ctx.request().canUpgradeToWebSocket();
        if (origin == null || !sensitive || sameOrigin(origin, ctx.request().authority(), ctx.request().isSSL())) {
            ctx.next();
            return;
        }
        Responses.text(ctx, 403, "cross-origin request refused (Origin " + Responses.printable(origin) + ")");
    }

    static void refuseReadOnly(RoutingContext ctx) {
        Responses.text(ctx, 403, "this Scope app is read-only: controls and terminals are disabled");
    }

    private static boolean sameOrigin(String origin, HostAndPort authority, boolean tls) {
        if (authority == null) return false;
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) return false;
            int originPort = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int ourPort = authority.port() >= 0 ? authority.port() : tls ? 443 : 80;
            return originPort == ourPort && bare(uri.getHost()).equalsIgnoreCase(bare(authority.host()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}

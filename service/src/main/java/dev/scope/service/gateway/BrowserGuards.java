package dev.scope.service.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;

/** What a browser's request must show beyond its session: security headers on the way out, origin and CSRF. */
final class BrowserGuards {
    private final boolean tls;

    BrowserGuards(boolean tls) {
        this.tls = tls;
    }

    /** Headers on every answer: no sniffing, no framing by other sites, no referrer leaks; HSTS over TLS. */
    void securityHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            var h = ctx.response().headers();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "same-origin");
            if (!h.contains("Content-Security-Policy")) h.set("Content-Security-Policy", "frame-ancestors 'none'");
            if (tls) h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        });
        ctx.next();
    }

    static boolean stateChanging(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    /**
     * A request from a page of another origin (it says so in {@code Origin}) may not open a websocket or change
     * state. Requests without Origin (probes, command-line clients) pass.
     */
    static boolean originAllowed(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) return true;
        HostAndPort authority = ctx.request().authority();
        if (authority == null) return false;
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) return false;
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            int originPort = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
            int ourPort = authority.port() >= 0 ? authority.port() : ctx.request().isSSL() ? 443 : originPort;
            return originPort == ourPort && bare(uri.getHost()).equalsIgnoreCase(bare(authority.host()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}

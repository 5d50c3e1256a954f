package dev.scope.service.gateway;

import dev.scope.service.auth.InternalHeaders;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers a request carries to a backend: the client's, minus hop-by-hop headers, minus every internal header
 * (clients can never set those), minus the client's credentials when the backend is a data-plane component (it
 * trusts the internal headers instead), plus the internal headers the gateway vouches for.
 */
final class ForwardHeaders {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "host", "content-length",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded",
            "expect"); // the gateway has read the body already
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "origin", "x-csrf-token");
    private static final Set<String> INTERNAL = Set.copyOf(InternalHeaders.ALL.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());

    private ForwardHeaders() {
    }

    /** Response headers that describe the connection, not the content: not copied back to the client. */
    static boolean hopByHop(String name) {
        return HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT));
    }

    static MultiMap build(HttpServerRequest request, Map<String, String> internal, boolean keepCredentials, boolean webSocket) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        String connection = request.getHeader("Connection");
        Set<String> named = connection == null ? Set.of()
                : Set.of(connection.toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        request.headers().forEach((name, value) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(n) || INTERNAL.contains(n) || named.contains(n)) return;
            if (!keepCredentials && CREDENTIALS.contains(n)) return;
            if (webSocket && n.startsWith("sec-websocket-")) return; // the backend handshake is the client's own
            out.add(name, value);
        });
        String remote = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        out.set("X-Forwarded-For", remote);
        out.set("X-Forwarded-Proto", request.isSSL() ? "https" : "http");
        if (request.authority() != null) out.set("X-Forwarded-Host", request.authority().toString());
        internal.forEach(out::set);
        return out;
    }
}

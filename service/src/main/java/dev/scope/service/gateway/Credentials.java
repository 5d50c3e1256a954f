package dev.scope.service.gateway;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** What a request presents: a probe token in {@code Authorization}, a session and CSRF cookie. Never logged. */
final class Credentials {
    static final String SESSION_COOKIE = "scope_session";
    static final String CSRF_COOKIE = "scope_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private Credentials() {
    }

    /**
     * The token in {@code Scope-Probe token=<t>} (Weave Scope probes), {@code Bearer <t>}, or Basic with the token
     * as password, or as user name when the password is empty. Null when the header has none of these forms.
     */
    static String probeToken(String authorization) {
        if (authorization == null) return null;
        String h = authorization.strip();
        int space = h.indexOf(' ');
        if (space < 0) return null;
        String scheme = h.substring(0, space);
        String rest = h.substring(space + 1).strip();
        String token;
        if (scheme.equalsIgnoreCase("Scope-Probe")) {
            token = rest.regionMatches(true, 0, "token=", 0, 6) ? rest.substring(6) : null;
        } else if (scheme.equalsIgnoreCase("Bearer")) {
            token = rest;
        } else if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            token = !password.isEmpty() ? password : colon < 0 ? decoded : decoded.substring(0, colon);
        } else {
            token = null;
        }
        return token == null || token.isBlank() ? null : token;
    }

    static String session(HttpServerRequest request) {
        Cookie c = request.getCookie(SESSION_COOKIE);
        return c == null || c.getValue().isBlank() ? null : c.getValue();
    }

    /** Double submit: the header equals the cookie, both present, compared in constant time. */
    static boolean csrfMatches(HttpServerRequest request) {
        Cookie cookie = request.getCookie(CSRF_COOKIE);
        String header = request.getHeader(CSRF_HEADER);
        if (cookie == null || header == null || cookie.getValue().isEmpty()) return false;
        return MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}

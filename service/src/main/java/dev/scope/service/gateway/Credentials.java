package dev.scope.service.gateway;

import dev.scope.ops.AuthorizationHeader;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** What a request presents: a probe token in {@code Authorization}, a session and CSRF cookie. Never logged. */
final class Credentials {
    static final String SESSION_COOKIE = "scope_session";
    static final String CSRF_COOKIE = "scope_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private Credentials() {
    }

    /** The probe token in an {@code Authorization} header (see {@link AuthorizationHeader}), or null. */
    static String probeToken(String authorization) {
        return AuthorizationHeader.token(authorization);
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

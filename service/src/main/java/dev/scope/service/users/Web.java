package dev.scope.service.users;

import dev.scope.service.users.Records.User;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What every route of the users component shares: the session and CSRF cookies, the CSRF check, the client's
 * IP for rate limits, and running database work off the event loop.
 */
final class Web {
    static final String SESSION_COOKIE = "scope_session";
    static final String CSRF_COOKIE = "scope_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "csrf";
    private static final String CSRF_KEY = "scope.csrf";

    /** Work that needs the signed-in user. */
    @FunctionalInterface
    interface UserWork<T> {
        T run(User user) throws Exception;
    }

    private final UsersSettings settings;
    private final Logins logins;

    Web(UsersSettings settings, Logins logins) {
        this.settings = settings;
        this.logins = logins;
    }

    /** Security headers on every answer; the pages need nothing but their own inline style. */
    static void securityHeaders(RoutingContext ctx) {
        ctx.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer") // login links carry their secret in the URL
                .putHeader("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .putHeader("Cache-Control", "no-store");
        ctx.next();
    }

    /** Gives the browser a CSRF cookie if it has none; pages read the token with {@link #csrf}. */
    void ensureCsrfCookie(RoutingContext ctx) {
        Cookie existing = ctx.request().getCookie(CSRF_COOKIE);
        String token = existing != null && Secrets.plausible(existing.getValue()) ? existing.getValue() : null;
        if (token == null) {
            token = Secrets.newSecret();
            // Readable by the page on purpose (double submit). Lax, like the session: with Strict, arriving from an
            // e-mailed link would hide the cookie and mint a new one, invalidating forms open in other tabs.
            ctx.response().addCookie(Cookie.cookie(CSRF_COOKIE, token).setPath("/").setHttpOnly(false)
                    .setSecure(settings.secureCookies()).setSameSite(CookieSameSite.LAX));
        }
        ctx.put(CSRF_KEY, token);
        ctx.next();
    }

    static String csrf(RoutingContext ctx) {
        return ctx.get(CSRF_KEY);
    }

    /**
     * Double submit: a state-changing request must repeat the {@code scope_csrf} cookie in the
     * {@code X-CSRF-Token} header (scripts, API clients) or the {@code csrf} form field (pages). A page on
     * another site can neither read the cookie nor set it for us, so it cannot forge either.
     */
    static void checkCsrf(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        Cookie cookie = ctx.request().getCookie(CSRF_COOKIE);
        String presented = ctx.request().getHeader(CSRF_HEADER);
        if (presented == null) presented = ctx.request().getFormAttribute(CSRF_FIELD);
        if (cookie != null && Secrets.plausible(cookie.getValue()) && Secrets.same(cookie.getValue(), presented)) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("missing or wrong CSRF token: send the scope_csrf cookie's value in the X-CSRF-Token header "
                        + "(or the csrf form field)\n");
    }

    void setSession(RoutingContext ctx, String secret) {
        ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, secret).setPath("/").setHttpOnly(true)
                .setSecure(settings.secureCookies()).setSameSite(CookieSameSite.LAX)
                .setMaxAge(settings.sessionTtl().toSeconds()));
    }

    void clearSession(RoutingContext ctx) {
        ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setHttpOnly(true)
                .setSecure(settings.secureCookies()).setSameSite(CookieSameSite.LAX).setMaxAge(0));
    }

    /** Ends the request's session, if it has one, and clears its cookie; {@code then} answers. */
    void logout(RoutingContext ctx, Runnable then, Consumer<Throwable> onFailure) {
        String secret = sessionSecret(ctx);
        blocking(ctx, () -> {
            if (secret != null) logins.logout(secret);
            return null;
        }, x -> {
            clearSession(ctx);
            then.run();
        }, onFailure);
    }

    static String sessionSecret(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(SESSION_COOKIE);
        return c == null ? null : c.getValue();
    }

    /**
     * The client's address for rate limits: the last {@code X-Forwarded-For} entry (the one the gateway wrote)
     * when configured to trust it, else the peer address.
     */
    String clientIp(RoutingContext ctx) {
        if (settings.trustForwardedFor()) {
            String forwarded = ctx.request().getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] parts = forwarded.split(",");
                return parts[parts.length - 1].strip();
            }
        }
        SocketAddress remote = ctx.request().remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    /** Runs blocking work on a worker thread, then answers on the event loop. */
    static <T> void blocking(RoutingContext ctx, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        ctx.vertx().executeBlocking(work, false).onComplete(ar -> {
            if (ctx.response().ended() || ctx.response().closed()) return;
            if (ar.succeeded()) onSuccess.accept(ar.result());
            else onFailure.accept(ar.cause());
        });
    }

    /** Blocking work for the signed-in user; without a live session it fails with 401. */
    <T> void asUser(RoutingContext ctx, UserWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        String secret = sessionSecret(ctx);
        blocking(ctx, () -> {
            Optional<User> user = secret == null ? Optional.empty() : logins.sessionUser(secret);
            if (user.isEmpty()) throw new UsersException(401, "log in first");
            return work.run(user.get());
        }, onSuccess, onFailure);
    }
}

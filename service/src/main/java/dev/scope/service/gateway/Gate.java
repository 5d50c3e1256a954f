package dev.scope.service.gateway;

import dev.scope.service.auth.Authenticator;
import dev.scope.service.auth.InternalHeaders;
import dev.scope.service.auth.ProbePrincipal;
import dev.scope.service.auth.UserPrincipal;
import dev.scope.service.http.Replies;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Asks the {@link Authenticator} (blocking: off the event loop) who the caller is. The request is paused meanwhile
 * so neither its body nor a websocket upgrade is lost. Every refusal is the same 401, whatever the reason: unknown
 * token, revoked token, expired session, or an organisation that does not exist or is not the user's.
 */
final class Gate {
    private static final Logger log = LoggerFactory.getLogger(Gate.class);
    private static final String REFUSED = "authentication required";

    private final Vertx vertx;
    private final Authenticator authenticator;

    Gate(Vertx vertx, Authenticator authenticator) {
        this.vertx = vertx;
        this.authenticator = authenticator;
    }

    void probe(RoutingContext ctx, BiConsumer<ProbePrincipal, Map<String, String>> then) {
        String token = Credentials.probeToken(ctx.request().getHeader("Authorization"));
        if (token == null) {
            refuse(ctx, true);
            return;
        }
        ctx.request().pause();
        vertx.executeBlocking(() -> authenticator.probe(token), false).onComplete(ar -> {
            Optional<ProbePrincipal> p = ar.succeeded() ? ar.result() : Optional.empty();
            if (ar.failed()) log.warn("authenticating a probe failed: {}", ar.cause().getMessage());
            if (p.isEmpty()) {
                if (ar.failed()) Replies.text(ctx, 503, "cannot authenticate now; try again");
                else refuse(ctx, true);
                return;
            }
            Exchange e = Exchange.of(ctx);
            e.org = p.get().orgExternalId();
            e.who = "probe";
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(InternalHeaders.ORG_ID, p.get().orgId());
            headers.put(InternalHeaders.ORG_EXTERNAL_ID, p.get().orgExternalId());
            then.accept(p.get(), headers);
        });
    }

    void member(RoutingContext ctx, String orgExternalId, BiConsumer<UserPrincipal, Map<String, String>> then) {
        member(ctx, orgExternalId, then, () -> refuse(ctx, false));
    }

    /** As {@link #member(RoutingContext, String, BiConsumer)}, with {@code refused} instead of the 401. */
    void member(RoutingContext ctx, String orgExternalId, BiConsumer<UserPrincipal, Map<String, String>> then, Runnable refused) {
        String session = Credentials.session(ctx.request());
        if (session == null) {
            refused.run();
            return;
        }
        ctx.request().pause();
        vertx.executeBlocking(() -> authenticator.member(session, orgExternalId), false).onComplete(ar -> {
            Optional<UserPrincipal> u = ar.succeeded() ? ar.result() : Optional.empty();
            if (ar.failed()) log.warn("authenticating a user failed: {}", ar.cause().getMessage());
            if (u.isEmpty()) {
                if (ar.failed()) Replies.text(ctx, 503, "cannot authenticate now; try again");
                else refused.run();
                return;
            }
            Exchange e = Exchange.of(ctx);
            e.org = u.get().orgExternalId();
            e.who = "user:" + u.get().userId();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(InternalHeaders.ORG_ID, u.get().orgId());
            headers.put(InternalHeaders.ORG_EXTERNAL_ID, u.get().orgExternalId());
            headers.put(InternalHeaders.USER_ID, u.get().userId());
            headers.put(InternalHeaders.ROLE, u.get().role().wireName());
            then.accept(u.get(), headers);
        });
    }

    private static void refuse(RoutingContext ctx, boolean probe) {
        if (probe) ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"Scope\", charset=\"UTF-8\"");
        Replies.text(ctx, 401, REFUSED);
    }
}

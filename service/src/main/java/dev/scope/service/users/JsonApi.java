package dev.scope.service.users;

import dev.scope.service.users.Records.Invitation;
import dev.scope.service.users.Records.IssuedToken;
import dev.scope.service.users.Records.Member;
import dev.scope.service.users.Records.Membership;
import dev.scope.service.users.Records.Org;
import dev.scope.service.users.Records.ProbeToken;
import dev.scope.service.users.Records.User;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.function.Consumer;

/** The JSON API under {@code /api/users}: the same actions as the pages, for scripts and the gateway's tests. */
record JsonApi(Web web, Logins logins, Organisations orgs, SiteAdmin admin, UsersSettings settings) {
    private static final Logger log = LoggerFactory.getLogger(JsonApi.class);

    void mount(Router r) {
        String p = "/api/users";
        r.get(p + "/csrf").handler(ctx -> json(ctx, 200, new JsonObject().put("token", Web.csrf(ctx))
                .put("header", Web.CSRF_HEADER).put("cookie", Web.CSRF_COOKIE)));
        r.post(p + "/signup").handler(ctx -> withBody(ctx, body -> {
            String ip = web.clientIp(ctx);
            Web.blocking(ctx, () -> {
                logins.requestLink(body.getString("email"), ip);
                return null;
            }, x -> json(ctx, 202, new JsonObject().put("message",
                    "check your e-mail: if the address may log in, a login link is on its way")), f -> fail(ctx, f));
        }));
        r.post(p + "/login/link").handler(ctx -> withBody(ctx, body -> Web.blocking(ctx,
                () -> logins.useLink(body.getString("token")).orElseThrow(() ->
                        new UsersException(400, "this login link has expired or was already used: ask for a new one")),
                in -> {
                    web.setSession(ctx, in.sessionSecret());
                    json(ctx, 200, user(in.user()));
                }, f -> fail(ctx, f))));
        r.post(p + "/login").handler(ctx -> withBody(ctx, body -> {
            String ip = web.clientIp(ctx);
            Web.blocking(ctx, () -> logins.passwordLogin(body.getString("email"), body.getString("password"), ip), in -> {
                web.setSession(ctx, in.sessionSecret());
                json(ctx, 200, user(in.user()));
            }, f -> fail(ctx, f));
        }));
        r.post(p + "/logout").handler(ctx -> web.logout(ctx, () -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f)));
        r.get(p + "/me").handler(ctx -> web.asUser(ctx, u -> user(u).put("organisations",
                array(orgs.of(u), JsonApi::membership)), b -> json(ctx, 200, b), f -> fail(ctx, f)));
        r.post(p + "/me/password").handler(ctx -> withBody(ctx, body -> web.asUser(ctx, u -> {
            logins.setPassword(u, body.getString("current"), body.getString("password"));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f))));

        r.post(p + "/orgs").handler(ctx -> withBody(ctx, body -> web.asUser(ctx,
                u -> org(orgs.create(u, body.getString("name"))), b -> json(ctx, 201, b), f -> fail(ctx, f))));
        r.get(p + "/orgs").handler(ctx -> web.asUser(ctx, u -> array(orgs.of(u), JsonApi::membership),
                b -> json(ctx, 200, b), f -> fail(ctx, f)));
        r.get(p + "/orgs/:org").handler(ctx -> web.asUser(ctx, u -> {
            Organisations.Roster roster = orgs.roster(u, ctx.pathParam("org"));
            return membership(roster.membership()).put("members", array(roster.members(), JsonApi::member))
                    .put("invitations", array(roster.invitations(), JsonApi::invitation));
        }, b -> json(ctx, 200, b), f -> fail(ctx, f)));
        r.post(p + "/orgs/:org/invitations").handler(ctx -> withBody(ctx, body -> web.asUser(ctx, u -> {
            orgs.invite(u, ctx.pathParam("org"), body.getString("email"), Inputs.role(body.getString("role", "viewer")));
            return null;
        }, x -> json(ctx, 202, new JsonObject().put("message", "invitation sent")), f -> fail(ctx, f))));
        r.delete(p + "/orgs/:org/invitations/:id").handler(ctx -> web.asUser(ctx, u -> {
            orgs.revokeInvitation(u, ctx.pathParam("org"), Inputs.id(ctx.pathParam("id")));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f)));
        r.put(p + "/orgs/:org/members/:id").handler(ctx -> withBody(ctx, body -> web.asUser(ctx, u -> {
            orgs.setRole(u, ctx.pathParam("org"), Inputs.id(ctx.pathParam("id")), Inputs.role(body.getString("role")));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f))));
        r.delete(p + "/orgs/:org/members/:id").handler(ctx -> web.asUser(ctx, u -> {
            orgs.remove(u, ctx.pathParam("org"), Inputs.id(ctx.pathParam("id")));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f)));
        r.post(p + "/orgs/:org/leave").handler(ctx -> web.asUser(ctx, u -> {
            orgs.remove(u, ctx.pathParam("org"), u.id());
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f)));

        r.get(p + "/orgs/:org/tokens").handler(ctx -> web.asUser(ctx,
                u -> array(orgs.tokens(u, ctx.pathParam("org")), JsonApi::token), b -> json(ctx, 200, b), f -> fail(ctx, f)));
        r.post(p + "/orgs/:org/tokens").handler(ctx -> web.asUser(ctx,
                u -> issued(orgs.issueToken(u, ctx.pathParam("org"))), b -> json(ctx, 201, b), f -> fail(ctx, f)));
        r.post(p + "/orgs/:org/tokens/:id/rotate").handler(ctx -> web.asUser(ctx,
                u -> issued(orgs.rotateToken(u, ctx.pathParam("org"), Inputs.id(ctx.pathParam("id")))),
                b -> json(ctx, 201, b), f -> fail(ctx, f)));
        r.delete(p + "/orgs/:org/tokens/:id").handler(ctx -> web.asUser(ctx, u -> {
            orgs.revokeToken(u, ctx.pathParam("org"), Inputs.id(ctx.pathParam("id")));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f)));

        r.get(p + "/admin/users").handler(ctx -> web.asUser(ctx, u -> array(admin.users(u), JsonApi::user),
                b -> json(ctx, 200, b), f -> fail(ctx, f)));
        r.get(p + "/admin/orgs").handler(ctx -> web.asUser(ctx, u -> array(admin.organisations(u), JsonApi::org),
                b -> json(ctx, 200, b), f -> fail(ctx, f)));
        r.post(p + "/admin/users/:id/admin").handler(ctx -> withBody(ctx, body -> web.asUser(ctx, u -> {
            admin.setSiteAdmin(u, Inputs.id(ctx.pathParam("id")), body.getBoolean("admin", true));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f))));
        r.post(p + "/admin/users/:id/disabled").handler(ctx -> withBody(ctx, body -> web.asUser(ctx, u -> {
            admin.setDisabled(u, Inputs.id(ctx.pathParam("id")), body.getBoolean("disabled", true));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f))));
        r.post(p + "/admin/users/:id/approve").handler(ctx -> web.asUser(ctx, u -> {
            admin.approve(u, Inputs.id(ctx.pathParam("id")));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f)));
        r.delete(p + "/admin/orgs/:org").handler(ctx -> web.asUser(ctx, u -> {
            admin.deleteOrganisation(u, ctx.pathParam("org"));
            return null;
        }, x -> ctx.response().setStatusCode(204).end(), f -> fail(ctx, f)));
        r.route(p + "/*").handler(ctx -> json(ctx, 404, new JsonObject().put("error", "not found")));
    }

    /** Parses the body as a JSON object, or answers 400. A missing body reads as {}. */
    private static void withBody(RoutingContext ctx, Consumer<JsonObject> then) {
        JsonObject body;
        try {
            body = ctx.body() == null || ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            json(ctx, 400, new JsonObject().put("error", "the body must be a JSON object"));
            return;
        }
        if (body == null) body = new JsonObject();
        try {
            then.accept(body);
        } catch (ClassCastException e) {
            json(ctx, 400, new JsonObject().put("error", "a field has the wrong type"));
        }
    }

    private static void fail(RoutingContext ctx, Throwable f) {
        Throwable cause = f instanceof ClassCastException ? UsersException.badRequest("a field has the wrong type") : f;
        if (cause instanceof UsersException e) {
            json(ctx, e.status(), new JsonObject().put("error", e.getMessage()));
        } else if (cause instanceof Mailer.MailException e) {
            log.warn("e-mail not sent: {}", e.getMessage());
            json(ctx, 503, new JsonObject().put("error", "the e-mail could not be sent; try again later"));
        } else {
            log.error("users API {} {} failed", ctx.request().method(), ctx.normalizedPath(), cause);
            json(ctx, 500, new JsonObject().put("error", "internal error"));
        }
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode());
    }

    private static <T> JsonArray array(java.util.List<T> items, java.util.function.Function<T, JsonObject> each) {
        JsonArray a = new JsonArray();
        items.forEach(i -> a.add(each.apply(i)));
        return a;
    }

    static JsonObject user(User u) {
        return new JsonObject().put("id", u.id().toString()).put("email", u.email()).put("siteAdmin", u.siteAdmin())
                .put("approved", u.approved()).put("disabled", u.disabled()).put("hasPassword", u.hasPassword())
                .put("createdAt", time(u.createdAt())).put("lastLoginAt", time(u.lastLoginAt()));
    }

    static JsonObject org(Org o) {
        return new JsonObject().put("id", o.id().toString()).put("externalId", o.externalId()).put("name", o.name())
                .put("createdAt", time(o.createdAt())).put("uiPath", "/api/app/" + o.externalId() + "/");
    }

    private static JsonObject membership(Membership m) {
        return org(m.org()).put("role", m.role().wireName());
    }

    private static JsonObject member(Member m) {
        return new JsonObject().put("userId", m.userId().toString()).put("email", m.email()).put("role", m.role().wireName());
    }

    private static JsonObject invitation(Invitation i) {
        return new JsonObject().put("id", i.id().toString()).put("email", i.email()).put("role", i.role().wireName())
                .put("createdAt", time(i.createdAt()));
    }

    private static JsonObject token(ProbeToken t) {
        return new JsonObject().put("id", t.id().toString()).put("hint", t.hint()).put("createdAt", time(t.createdAt()))
                .put("revokedAt", time(t.revokedAt()));
    }

    private JsonObject issued(IssuedToken t) {
        ProbeCommands commands = ProbeCommands.of(settings.publicUrl(), settings.probeImage(), t.secret());
        return token(t.token()).put("token", t.secret()).put("command", commands.launch())
                .put("probeCommand", commands.probeOnly()).put("docker", commands.docker())
                .put("kubernetes", commands.kubernetes());
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}

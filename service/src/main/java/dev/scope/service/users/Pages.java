package dev.scope.service.users;

import dev.scope.service.auth.Role;
import dev.scope.service.users.Records.Invitation;
import dev.scope.service.users.Records.IssuedToken;
import dev.scope.service.users.Records.Member;
import dev.scope.service.users.Records.Membership;
import dev.scope.service.users.Records.Org;
import dev.scope.service.users.Records.ProbeToken;
import dev.scope.service.users.Records.User;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static dev.scope.service.users.Html.button;
import static dev.scope.service.users.Html.esc;
import static dev.scope.service.users.Html.form;
import static dev.scope.service.users.Html.input;

/**
 * The HTML pages: sign-up, login, "check your e-mail", the organisation dashboard (connecting a probe), members
 * and invitations, probe tokens, account and the site admin's page. Forms post back here (post/redirect/get),
 * except where a new probe token must be shown once.
 */
record Pages(Web web, Logins logins, Organisations orgs, SiteAdmin admin, UsersSettings settings) {
    private static final Logger log = LoggerFactory.getLogger(Pages.class);

    /** A page's content for the signed-in user. */
    private record View(User user, String title, String body) {
    }

    void mount(Router r) {
        r.get("/").handler(ctx -> show(ctx, u -> new View(u, "Your organisations", home(ctx, u))));
        r.get("/signup").handler(ctx -> html(ctx, 200, Html.page("Sign up", null, signUpForm(ctx))));
        r.get("/login").handler(ctx -> html(ctx, 200, Html.page("Log in", null, loginForms(ctx, null))));
        r.get("/check-email").handler(ctx -> html(ctx, 200, Html.page("Check your e-mail", null,
                "<p>If the address may log in, we have sent it a login link. It works once and expires in "
                        + settings.loginLinkTtl().toHours() + " hours.</p><p class=\"note\">New accounts may need an "
                        + "administrator's approval first; you will get an e-mail when yours is approved.</p>")));
        r.post("/signup").handler(ctx -> {
            String email = ctx.request().getFormAttribute("email");
            String ip = web.clientIp(ctx);
            Web.blocking(ctx, () -> {
                logins.requestLink(email, ip);
                return null;
            }, x -> redirect(ctx, "/check-email"), f -> fail(ctx, f, "Sign up"));
        });
        r.post("/login").handler(ctx -> {
            String email = ctx.request().getFormAttribute("email");
            String password = ctx.request().getFormAttribute("password");
            String ip = web.clientIp(ctx);
            Web.blocking(ctx, () -> logins.passwordLogin(email, password, ip), in -> {
                web.setSession(ctx, in.sessionSecret());
                redirect(ctx, "/");
            }, f -> {
                if (f instanceof UsersException e && e.status() == 401) {
                    html(ctx, 401, Html.page("Log in", null, loginForms(ctx, e.getMessage())));
                } else {
                    fail(ctx, f, "Log in");
                }
            });
        });
        // Mail scanners and link previews fetch e-mailed links before people click them: a GET only shows a
        // button, and the link is spent by the POST that button makes.
        r.get("/login/link").handler(ctx -> {
            String token = ctx.request().getParam("token");
            if (!Secrets.plausible(token)) {
                linkNotValid(ctx);
                return;
            }
            html(ctx, 200, Html.page("Log in", null, "<p>Log in to Scope with the link you were sent.</p>"
                    + Html.form("/login/link", Web.csrf(ctx), "<input type=\"hidden\" name=\"token\" value=\""
                    + Html.esc(token) + "\">", "Log in", null)));
        });
        r.post("/login/link").handler(ctx -> {
            String token = ctx.request().getFormAttribute("token");
            Web.blocking(ctx, () -> logins.useLink(token), in -> {
                if (in.isEmpty()) {
                    linkNotValid(ctx);
                } else {
                    web.setSession(ctx, in.get().sessionSecret());
                    redirect(ctx, "/");
                }
            }, f -> fail(ctx, f, "Log in"));
        });
        r.post("/logout").handler(ctx -> web.logout(ctx, () -> redirect(ctx, "/login"), f -> fail(ctx, f, "Log out")));
        r.get("/account").handler(ctx -> show(ctx, u -> new View(u, "Account", account(ctx, u, null))));
        r.post("/account/password").handler(ctx -> act(ctx, u -> logins.setPassword(u,
                ctx.request().getFormAttribute("current"), ctx.request().getFormAttribute("password")), "/account"));
        r.post("/orgs").handler(ctx -> web.asUser(ctx, u -> orgs.create(u, ctx.request().getFormAttribute("name")),
                org -> redirect(ctx, "/org/" + org.externalId()), f -> fail(ctx, f, "New organisation")));

        r.get("/org/:org").handler(ctx -> show(ctx, u -> dashboard(ctx, u, orgs.membership(u, ctx.pathParam("org")))));
        r.get("/org/:org/members").handler(ctx -> show(ctx, u -> members(ctx, u, orgs.roster(u, ctx.pathParam("org")))));
        r.post("/org/:org/invitations").handler(ctx -> act(ctx, u -> orgs.invite(u, ctx.pathParam("org"),
                ctx.request().getFormAttribute("email"), Inputs.role(ctx.request().getFormAttribute("role"))), membersPath(ctx)));
        r.post("/org/:org/invitations/:id/revoke").handler(ctx -> act(ctx, u -> orgs.revokeInvitation(u,
                ctx.pathParam("org"), Inputs.id(ctx.pathParam("id"))), membersPath(ctx)));
        r.post("/org/:org/members/:id/role").handler(ctx -> act(ctx, u -> orgs.setRole(u, ctx.pathParam("org"),
                Inputs.id(ctx.pathParam("id")), Inputs.role(ctx.request().getFormAttribute("role"))), membersPath(ctx)));
        r.post("/org/:org/members/:id/remove").handler(ctx -> act(ctx, u -> orgs.remove(u, ctx.pathParam("org"),
                Inputs.id(ctx.pathParam("id"))), membersPath(ctx)));
        r.post("/org/:org/leave").handler(ctx -> act(ctx, u -> orgs.remove(u, ctx.pathParam("org"), u.id()), "/"));
        r.get("/org/:org/tokens").handler(ctx -> show(ctx, u -> tokens(ctx, u, ctx.pathParam("org"), null)));
        r.post("/org/:org/tokens").handler(ctx -> show(ctx, u -> tokens(ctx, u, ctx.pathParam("org"),
                orgs.issueToken(u, ctx.pathParam("org")))));
        r.post("/org/:org/tokens/:id/rotate").handler(ctx -> show(ctx, u -> tokens(ctx, u, ctx.pathParam("org"),
                orgs.rotateToken(u, ctx.pathParam("org"), Inputs.id(ctx.pathParam("id"))))));
        r.post("/org/:org/tokens/:id/revoke").handler(ctx -> act(ctx, u -> orgs.revokeToken(u, ctx.pathParam("org"),
                Inputs.id(ctx.pathParam("id"))), "/org/" + enc(ctx.pathParam("org")) + "/tokens"));

        r.get("/admin").handler(ctx -> show(ctx, u -> new View(u, "Admin", adminPage(ctx, u))));
        r.post("/admin/users/:id/admin").handler(ctx -> act(ctx, u -> admin.setSiteAdmin(u, Inputs.id(ctx.pathParam("id")),
                "true".equals(ctx.request().getFormAttribute("value"))), "/admin"));
        r.post("/admin/users/:id/disabled").handler(ctx -> act(ctx, u -> admin.setDisabled(u, Inputs.id(ctx.pathParam("id")),
                "true".equals(ctx.request().getFormAttribute("value"))), "/admin"));
        r.post("/admin/users/:id/approve").handler(ctx -> act(ctx, u -> admin.approve(u, Inputs.id(ctx.pathParam("id"))), "/admin"));
        r.post("/admin/orgs/:org/delete").handler(ctx -> act(ctx, u -> admin.deleteOrganisation(u, ctx.pathParam("org")), "/admin"));
    }

    // ---- page bodies ----

    private static void linkNotValid(RoutingContext ctx) {
        html(ctx, 400, Html.page("Login link not valid", null, "<p>This login link has expired or was "
                + "already used. <a href=\"/login\">Ask for a new one</a>.</p>"));
    }

    private String signUpForm(RoutingContext ctx) {
        return "<p>Enter your e-mail address; we will send you a link that logs you in.</p>"
                + form("/signup", Web.csrf(ctx), input("email", "email", "E-mail", true), "Sign up", null)
                + "<p>Already have an account? <a href=\"/login\">Log in</a>.</p>";
    }

    private String loginForms(RoutingContext ctx, String error) {
        return (error == null ? "" : Html.error(error))
                + "<h2>With a login link</h2>"
                + form("/signup", Web.csrf(ctx), input("email", "email", "E-mail", true), "E-mail me a login link", null)
                + "<h2>With a password</h2>"
                + form("/login", Web.csrf(ctx), input("email", "email", "E-mail", true)
                + input("password", "password", "Password", true), "Log in", null)
                + "<p>No account yet? <a href=\"/signup\">Sign up</a>.</p>";
    }

    private String home(RoutingContext ctx, User u) {
        StringBuilder s = new StringBuilder();
        var mine = orgs.of(u);
        if (mine.isEmpty()) s.append("<p>You are not a member of any organisation yet.</p>");
        else {
            s.append("<table><tr><th>Name</th><th>Id</th><th>Your role</th><th></th></tr>");
            for (Membership m : mine) {
                s.append("<tr><td><a href=\"/org/").append(esc(m.org().externalId())).append("\">")
                        .append(esc(m.org().name())).append("</a></td><td>").append(esc(m.org().externalId()))
                        .append("</td><td>").append(m.role().wireName()).append("</td><td><a href=\"")
                        .append(uiPath(m.org())).append("\">Open Scope</a></td></tr>");
            }
            s.append("</table>");
        }
        s.append("<h2>New organisation</h2>").append(form("/orgs", Web.csrf(ctx),
                input("text", "name", "Name", true), "Create", null));
        return s.toString();
    }

    private View dashboard(RoutingContext ctx, User u, Membership m) {
        Org o = m.org();
        String base = "/org/" + esc(o.externalId());
        ProbeCommands example = ProbeCommands.of(settings.publicUrl(), settings.probeImage(), "<TOKEN>");
        String body = "<p>Id <code>" + esc(o.externalId()) + "</code> · your role: " + m.role().wireName() + "</p>"
                + "<p><a href=\"" + uiPath(o) + "\"><strong>Open this organisation's Scope</strong></a> · "
                + "<a href=\"" + base + "/members\">Members</a>"
                + (m.role() == Role.ADMIN ? " · <a href=\"" + base + "/tokens\">Probe tokens</a>" : "") + "</p>"
                + "<h2>Connect a probe</h2>"
                + (m.role() == Role.ADMIN
                ? "<p>Make a probe token on the <a href=\"" + base + "/tokens\">tokens page</a>; it shows these commands "
                + "with the token filled in.</p>"
                : "<p>Ask an admin of this organisation for a probe token.</p>")
                + "<p>On a host (probe and a local app):</p><pre>" + esc(example.launch()) + "</pre>"
                + "<p>With Docker:</p><pre>" + esc(example.docker()) + "</pre>"
                + "<p>On Kubernetes:</p><pre>" + esc(example.kubernetes()) + "</pre>"
                + Html.form(base + "/leave", Web.csrf(ctx), "", "Leave this organisation", null);
        return new View(u, o.name(), body);
    }

    private View members(RoutingContext ctx, User u, Organisations.Roster roster) {
        Org o = roster.membership().org();
        boolean isAdmin = roster.membership().role() == Role.ADMIN;
        String base = "/org/" + esc(o.externalId());
        String csrf = Web.csrf(ctx);
        StringBuilder s = new StringBuilder("<p><a href=\"" + base + "\">Back to the dashboard</a></p>");
        s.append("<table><tr><th>E-mail</th><th>Role</th><th></th></tr>");
        for (Member mem : roster.members()) {
            String path = base + "/members/" + mem.userId();
            s.append("<tr><td>").append(esc(mem.email())).append("</td><td>");
            if (isAdmin) s.append(form(path + "/role", csrf, Html.roleSelect(mem.role().wireName()), "Change", "inline"));
            else s.append(mem.role().wireName());
            s.append("</td><td>");
            if (mem.userId().equals(u.id())) s.append(button(base + "/leave", csrf, "Leave"));
            else if (isAdmin) s.append(button(path + "/remove", csrf, "Remove"));
            s.append("</td></tr>");
        }
        s.append("</table>");
        if (isAdmin) {
            s.append("<h2>Invite</h2>").append(form(base + "/invitations", csrf,
                    input("email", "email", "E-mail", true) + Html.roleSelect("viewer"), "Invite", null));
            if (!roster.invitations().isEmpty()) {
                s.append("<h2>Pending invitations</h2><table>");
                for (Invitation i : roster.invitations()) {
                    s.append("<tr><td>").append(esc(i.email())).append("</td><td>").append(i.role().wireName())
                            .append("</td><td>").append(button(base + "/invitations/" + i.id() + "/revoke", csrf, "Revoke"))
                            .append("</td></tr>");
                }
                s.append("</table>");
            }
        }
        return new View(u, o.name() + ": members", s.toString());
    }

    private View tokens(RoutingContext ctx, User u, String externalId, IssuedToken fresh) {
        Membership m = orgs.membership(u, externalId);
        String base = "/org/" + esc(m.org().externalId());
        String csrf = Web.csrf(ctx);
        StringBuilder s = new StringBuilder("<p><a href=\"" + base + "\">Back to the dashboard</a></p>");
        if (fresh != null) {
            ProbeCommands c = ProbeCommands.of(settings.publicUrl(), settings.probeImage(), fresh.secret());
            s.append("<h2>New probe token</h2><p><strong>Copy it now: it is shown only once.</strong></p>")
                    .append("<pre id=\"token\">").append(esc(fresh.secret())).append("</pre>")
                    .append("<p>On a host:</p><pre id=\"launch\">").append(esc(c.launch())).append("</pre>")
                    .append("<p>Probe only:</p><pre>").append(esc(c.probeOnly())).append("</pre>")
                    .append("<p>With Docker:</p><pre>").append(esc(c.docker())).append("</pre>")
                    .append("<p>On Kubernetes:</p><pre>").append(esc(c.kubernetes())).append("</pre>");
        }
        s.append("<h2>Tokens</h2><table><tr><th>Token</th><th>Created</th><th>Status</th><th></th></tr>");
        for (ProbeToken t : orgs.tokens(u, externalId)) {
            s.append("<tr><td>").append(esc(t.hint())).append("</td><td>").append(esc(t.createdAt())).append("</td><td>")
                    .append(t.live() ? "live" : "revoked " + esc(t.revokedAt())).append("</td><td>");
            if (t.live()) {
                s.append(button(base + "/tokens/" + t.id() + "/rotate", csrf, "Rotate"))
                        .append(button(base + "/tokens/" + t.id() + "/revoke", csrf, "Revoke"));
            }
            s.append("</td></tr>");
        }
        s.append("</table>").append(form(base + "/tokens", csrf, "", "New probe token", null));
        return new View(u, m.org().name() + ": probe tokens", s.toString());
    }

    private String account(RoutingContext ctx, User u, String error) {
        return (error == null ? "" : Html.error(error))
                + "<p>" + esc(u.email()) + (u.hasPassword() ? " · has a password" : " · logs in by e-mail link") + "</p>"
                + "<h2>" + (u.hasPassword() ? "Change" : "Set") + " password</h2>"
                + form("/account/password", Web.csrf(ctx), (u.hasPassword() ? input("password", "current", "Current password", true) : "")
                + input("password", "password", "New password (10+ characters)", true), "Save", null);
    }

    private String adminPage(RoutingContext ctx, User u) {
        String csrf = Web.csrf(ctx);
        StringBuilder s = new StringBuilder("<h2>Users</h2><table><tr><th>E-mail</th><th>Created</th><th>Last login</th>"
                + "<th>Status</th><th></th></tr>");
        for (User x : admin.users(u)) {
            String path = "/admin/users/" + x.id();
            s.append("<tr><td>").append(esc(x.email())).append("</td><td>").append(esc(x.createdAt())).append("</td><td>")
                    .append(x.lastLoginAt() == null ? "never" : esc(x.lastLoginAt())).append("</td><td>")
                    .append(x.siteAdmin() ? "admin " : "").append(x.approved() ? "" : "awaiting approval ")
                    .append(x.disabled() ? "disabled" : "").append("</td><td>");
            if (!x.approved()) s.append(button(path + "/approve", csrf, "Approve"));
            s.append(form(path + "/admin", csrf, "<input type=\"hidden\" name=\"value\" value=\"" + !x.siteAdmin() + "\">",
                    x.siteAdmin() ? "Remove admin" : "Make admin", "inline"));
            s.append(form(path + "/disabled", csrf, "<input type=\"hidden\" name=\"value\" value=\"" + !x.disabled() + "\">",
                    x.disabled() ? "Enable" : "Disable", "inline"));
            s.append("</td></tr>");
        }
        s.append("</table><h2>Organisations</h2><table><tr><th>Name</th><th>Id</th><th>Created</th><th></th></tr>");
        for (Org o : admin.organisations(u)) {
            s.append("<tr><td>").append(esc(o.name())).append("</td><td>").append(esc(o.externalId())).append("</td><td>")
                    .append(esc(o.createdAt())).append("</td><td>")
                    .append(button("/admin/orgs/" + esc(o.externalId()) + "/delete", csrf, "Delete with its data"))
                    .append("</td></tr>");
        }
        return s.append("</table>").toString();
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface Action {
        void run(User user) throws Exception;
    }

    @FunctionalInterface
    private interface Render {
        View render(User user) throws Exception;
    }

    /** Renders a page for the signed-in user; visitors go to the login page. */
    private void show(RoutingContext ctx, Render render) {
        web.asUser(ctx, render::render, v -> html(ctx, 200,
                Html.page(v.title(), Html.nav(v.user().email(), v.user().siteAdmin(), Web.csrf(ctx)), v.body())),
                f -> fail(ctx, f, "Scope"));
    }

    /** Runs a form's action for the signed-in user, then redirects (post/redirect/get). */
    private void act(RoutingContext ctx, Action action, String then) {
        web.asUser(ctx, u -> {
            action.run(u);
            return then;
        }, path -> redirect(ctx, path), f -> fail(ctx, f, "Scope"));
    }

    private void fail(RoutingContext ctx, Throwable f, String title) {
        if (f instanceof UsersException e && e.status() == 401) {
            redirect(ctx, "/login");
        } else if (f instanceof UsersException e) {
            html(ctx, e.status(), Html.page(title, null, Html.error(e.getMessage()) + "<p><a href=\"/\">Back</a></p>"));
        } else if (f instanceof Mailer.MailException e) {
            log.warn("e-mail not sent: {}", e.getMessage());
            html(ctx, 503, Html.page(title, null, Html.error("The e-mail could not be sent; try again later.")));
        } else {
            log.error("page {} {} failed", ctx.request().method(), ctx.normalizedPath(), f);
            html(ctx, 500, Html.page(title, null, Html.error("Something went wrong on our side.")));
        }
    }

    private static String membersPath(RoutingContext ctx) {
        return "/org/" + enc(ctx.pathParam("org")) + "/members";
    }

    private static String uiPath(Org o) {
        return "/api/app/" + esc(o.externalId()) + "/";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void redirect(RoutingContext ctx, String path) {
        ctx.response().setStatusCode(303).putHeader("Location", path).end();
    }

    private static void html(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(page);
    }
}

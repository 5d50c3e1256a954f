package dev.scope.service.users;

import dev.scope.service.db.Database;
import dev.scope.service.http.ComponentServer;
import dev.scope.service.http.OpsRoutes;
import dev.scope.service.http.Replies;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;

/**
 * The users component: account pages and {@code /api/users} on its own port, plus {@code /metrics},
 * {@code /health} and {@code /ready}. Browsers reach it through the gateway; {@link #authenticator()} is what the
 * gateway asks in-process.
 */
public final class UsersComponent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UsersComponent.class);
    /** Forms and JSON here are a few fields; anything bigger is not ours. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final ComponentServer server;
    private final UsersAuthenticator authenticator;

    private UsersComponent(ComponentServer server, UsersAuthenticator authenticator) {
        this.server = server;
        this.authenticator = authenticator;
    }

    /** Starts serving and waits until the server listens. The Vertx, database and registry stay the caller's. */
    public static UsersComponent start(Vertx vertx, Database database, MeterRegistry registry, UsersSettings settings) {
        return start(vertx, database, registry, settings, new SmtpMailer(settings.mail(), java.net.URI.create(settings.publicUrl()).getHost()));
    }

    static UsersComponent start(Vertx vertx, Database database, MeterRegistry registry, UsersSettings settings,
                                Mailer mailer) {
        Sql sql = new Sql(database.dataSource());
        Emails emails = new Emails(counted(mailer, registry), settings.publicUrl(), settings.loginLinkTtl());
        Logins logins = new Logins(sql, emails, settings, registry);
        Organisations orgs = new Organisations(sql, emails, settings);
        SiteAdmin admin = new SiteAdmin(sql, emails, settings);
        Web web = new Web(settings, logins);

        Router router = Router.router(vertx);
        OpsRoutes.mount(vertx, router, registry, () -> ready(database));
        router.route().handler(Web::securityHeaders);
        router.route().handler(web::ensureCsrfCookie);
        for (HttpMethod m : new HttpMethod[]{HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH}) {
            router.route().method(m).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        }
        router.route().handler(Web::checkCsrf);
        new JsonApi(web, logins, orgs, admin, settings).mount(router);
        new Pages(web, logins, orgs, admin, settings).mount(router);
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
            if (status >= 500) {
                log.error("users component: {} {} failed", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
            }
            if (!ctx.response().ended() && !ctx.response().closed()) {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end(Replies.reason(status) + "\n");
            }
        });

        // No compression: pages are small, and compressing secrets (CSRF, new tokens) next to user-chosen text is
        // what BREACH-style attacks feed on.
        ComponentServer server = ComponentServer.listen(vertx, new HttpServerOptions(), router, settings.host(), settings.port())
                .every(PURGE_EVERY, () -> vertx.executeBlocking(() -> {
                    logins.purge();
                    return null;
                }, false).onFailure(e -> log.warn("purging expired sessions and links failed: {}", e.getMessage())));
        log.info("users component listening on {}:{} (public URL {}, approval {})", settings.host(), server.port(),
                settings.publicUrl(), settings.requireApproval() ? "required" : "not required");
        return new UsersComponent(server, new UsersAuthenticator(database));
    }

    private static Mailer counted(Mailer mailer, MeterRegistry registry) {
        return (to, subject, body) -> {
            try {
                mailer.send(to, subject, body);
                registry.counter("scope_users_emails_total", "outcome", "sent").increment();
            } catch (RuntimeException e) {
                registry.counter("scope_users_emails_total", "outcome", "failed").increment();
                throw e;
            }
        };
    }

    public int port() {
        return server.port();
    }

    public UsersAuthenticator authenticator() {
        return authenticator;
    }

    @Override
    public void close() {
        server.close();
    }

    private static boolean ready(Database database) {
        try (Connection c = database.dataSource().getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}

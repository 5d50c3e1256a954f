package dev.scope.service.gateway;

import dev.scope.service.auth.ControlPermissions;
import dev.scope.service.auth.Role;
import dev.scope.service.http.Replies;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.Map;

/**
 * The gateway's routes (docs/service.md, "Routes at the gateway"). Probe paths authenticate a probe token; paths
 * below {@code /api/app/{org}} a session whose user belongs to that organisation; everything else goes, with its
 * cookies, to the users component, which authenticates for itself.
 */
final class GatewayRoutes {
    static final String UI_ROOT = "META-INF/resources/scope-ui";

    private final Gate gate;
    private final HttpForwarder http;
    private final WebSocketForwarder ws;
    private final ReportRateLimit reportRate;
    private final GatewaySettings settings;
    private final Backend users;
    private final Backend collection;
    private final Backend query;
    private final Backend control;
    private final Backend pipe;

    GatewayRoutes(Gate gate, HttpForwarder http, WebSocketForwarder ws, ReportRateLimit reportRate, GatewaySettings settings) {
        this.gate = gate;
        this.http = http;
        this.ws = ws;
        this.reportRate = reportRate;
        this.settings = settings;
        this.users = new Backend("users", settings.users());
        this.collection = new Backend("collection", settings.collection());
        // Per-organisation state lives on one replica of each of these (see Backend).
        this.query = new Backend("query", settings.query(), true);
        this.control = new Backend("control", settings.control(), true);
        this.pipe = new Backend("pipe", settings.pipe(), true);
    }

    void mount(Router router) {
        router.route().handler(ctx -> {
            if (AppPath.hasDotSegment(ctx.request().path())) {
                Replies.text(ctx, 400, "paths with . or .. segments are not accepted");
            } else {
                ctx.next();
            }
        });
        // Probes
        router.post("/api/report").handler(ctx -> route(ctx, "probe_report")).handler(this::report);
        router.get("/api").handler(ctx -> route(ctx, "probe_api"))
                .handler(ctx -> gate.probe(ctx, (p, h) -> http.forward(ctx, query, "/api", h, false, null)));
        router.get("/api/control/ws").handler(ctx -> route(ctx, "probe_control"))
                .handler(ctx -> gate.probe(ctx, (p, h) -> ws.forward(ctx, control, "/api/control/ws", h)));
        router.get("/api/pipe/:id/probe").handler(ctx -> route(ctx, "probe_pipe"))
                .handler(ctx -> gate.probe(ctx, (p, h) -> ws.forward(ctx, pipe, ctx.request().path(), h)));
        router.routeWithRegex("/api/pipe/[^/]+").method(HttpMethod.DELETE).method(HttpMethod.POST)
                .handler(ctx -> route(ctx, "probe_pipe"))
                .handler(ctx -> gate.probe(ctx, (p, h) -> BoundedBody.read(ctx, settings.maxRequestBodyBytes(),
                        body -> http.forward(ctx, pipe, ctx.request().path(), h, false, body))));
        // Browsers, per organisation
        router.routeWithRegex("/api/app/.*").handler(this::app);
        router.get("/api/app/:org/*").handler(ctx -> route(ctx, "app_ui")).handler(this::uiMember)
                .handler(StaticHandler.create(UI_ROOT).setCachingEnabled(true).setIndexPage("index.html"));
        // Everything else: account pages and the users API
        router.route().handler(ctx -> route(ctx, "users")).handler(ctx -> {
            ctx.request().pause();
            BoundedBody.read(ctx, settings.maxRequestBodyBytes(), body -> http.forward(ctx, users, ctx.request().uri(), Map.of(), true, body));
        });
    }

    private static void route(RoutingContext ctx, String name) {
        Exchange.of(ctx).route = name;
        ctx.next();
    }

    private void report(RoutingContext ctx) {
        gate.probe(ctx, (probe, headers) -> {
            if (!reportRate.tryAcquire(probe.orgId())) {
                ctx.response().putHeader("Retry-After", "1");
                Replies.text(ctx, 429, "too many reports from this organisation; slow down");
                return;
            }
            BoundedBody.read(ctx, settings.maxReportBodyBytes(), body -> http.forward(ctx, collection, "/api/report", headers, false, body));
        });
    }

    /** Everything below {@code /api/app/}: the UI's API calls here; the UI's files fall through to the next route. */
    private void app(RoutingContext ctx) {
        AppPath path = AppPath.parse(ctx.request().path());
        if (path == null) {
            Replies.text(ctx, 404, "not found");
            return;
        }
        if (path.rest().isEmpty()) {
            ctx.response().setStatusCode(301).putHeader("Location", AppPath.PREFIX + path.org() + "/").end();
            return;
        }
        if (!path.isApi()) {
            if (ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD) ctx.next();
            else Replies.text(ctx, 405, "method not allowed");
            return;
        }
        HttpMethod method = ctx.request().method();
        boolean upgrade = ctx.request().canUpgradeToWebSocket();
        boolean changing = BrowserGuards.stateChanging(method);
        Backend backend;
        Role needed = Role.VIEWER;
        if (path.isQuery()) {
            Exchange.of(ctx).route = "app_query";
            backend = query;
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                Replies.text(ctx, 405, "method not allowed");
                return;
            }
        } else if (path.isControl()) {
            Exchange.of(ctx).route = "app_control";
            backend = control;
            String name = path.controlName();
            if (method != HttpMethod.POST || name == null) {
                Replies.text(ctx, 404, "expected POST /api/control/{probeID}/{nodeID}/{control}");
                return;
            }
            needed = ControlPermissions.required(name);
        } else if (path.isPipe()) {
            Exchange.of(ctx).route = "app_pipe";
            backend = pipe;
            needed = Role.EDITOR; // pipes come from controls (logs, shells), which viewers cannot run
        } else {
            Exchange.of(ctx).route = "app_other";
            Replies.text(ctx, 404, "not found");
            return;
        }
        if ((upgrade || changing) && !BrowserGuards.originAllowed(ctx)) {
            Replies.text(ctx, 403, "cross-origin request refused");
            return;
        }
        Role required = needed;
        String query = ctx.request().query();
        String uri = path.rest() + (query == null ? "" : "?" + query);
        gate.member(ctx, path.org(), (user, headers) -> {
            if (changing && !Credentials.csrfMatches(ctx.request())) {
                Replies.text(ctx, 403, "missing or wrong " + Credentials.CSRF_HEADER + " header (it must equal the "
                        + Credentials.CSRF_COOKIE + " cookie)");
                return;
            }
            if (!user.role().atLeast(required)) {
                Replies.text(ctx, 403, "your role (" + user.role().wireName() + ") may not do this; it needs "
                        + required.wireName());
                return;
            }
            if (upgrade) {
                ws.forward(ctx, backend, uri, headers);
            } else if (changing) {
                BoundedBody.read(ctx, settings.maxRequestBodyBytes(), body -> http.forward(ctx, backend, uri, headers, false, body));
            } else {
                http.forward(ctx, backend, uri, headers, false, null);
            }
        });
    }

    /** The UI's files: only for members; anyone else is sent to sign in. */
    private void uiMember(RoutingContext ctx) {
        AppPath path = AppPath.parse(ctx.request().path());
        if (path == null) {
            Replies.text(ctx, 404, "not found");
            return;
        }
        gate.member(ctx, path.org(), (user, headers) -> {
            ctx.request().resume();
            ctx.next();
        }, () -> ctx.response().setStatusCode(302).putHeader("Location", "/login").end());
    }
}

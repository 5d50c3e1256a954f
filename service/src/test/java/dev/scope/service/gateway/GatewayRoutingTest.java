package dev.scope.service.gateway;

import dev.scope.service.auth.Role;
import dev.scope.service.testing.EchoBackend;
import dev.scope.service.testing.FixedAuthenticator;
import dev.scope.service.testing.TestHttp;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.scope.service.gateway.GatewaySettings.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway against stand-in backends that report what reached them: which backend, at which path, with which
 * internal headers, whatever the client forged. The first replica of every backend is a dead port, so every test
 * also shows fail-over.
 */
class GatewayRoutingTest {
    private static final String DEAD = "http://127.0.0.1:1";
    private static Vertx vertx;
    private static EchoBackend users, collection, query, control, pipe;
    private static GatewayComponent gateway;
    private static TestHttp http;
    private static WebSocketClient wsClient;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        users = new EchoBackend(vertx);
        collection = new EchoBackend(vertx);
        query = new EchoBackend(vertx);
        control = new EchoBackend(vertx);
        pipe = new EchoBackend(vertx);
        FixedAuthenticator auth = new FixedAuthenticator()
                .token("token-a", "id-a", "org-a")
                .token("token-b", "id-b", "org-b")
                .member("s-viewer", "u1", "id-a", "org-a", Role.VIEWER)
                .member("s-editor", "u2", "id-a", "org-a", Role.EDITOR)
                .member("s-admin", "u3", "id-a", "org-a", Role.ADMIN)
                .member("s-admin-b", "u4", "id-b", "org-b", Role.ADMIN);
        GatewaySettings settings = GatewaySettings.defaults("127.0.0.1", 0, urls(DEAD + "," + users.url()),
                        urls(DEAD + "," + collection.url()), urls(DEAD + "," + query.url()), urls(DEAD + "," + control.url()),
                        urls(DEAD + "," + pipe.url()))
                .withBodyLimits(1000, 500).withReportRate(0.001, 5);
        gateway = GatewayComponent.start(vertx, auth, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), settings);
        http = new TestHttp(gateway.port());
        wsClient = vertx.createWebSocketClient();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static JsonObject seen(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static final String[] FORGED = {"X-Scope-OrgID", "id-b", "X-Scope-Org-External-ID", "org-b",
            "X-Scope-UserID", "u4", "X-Scope-Role", "admin"};

    private static String[] with(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void assertOrgA(JsonObject seen, String role) {
        JsonObject h = seen.getJsonObject("headers");
        assertThat(h.getString("x-scope-orgid")).isEqualTo("id-a");
        assertThat(h.getString("x-scope-org-external-id")).isEqualTo("org-a");
        assertThat(h.getString("x-scope-role")).isEqualTo(role);
        assertThat(h.containsKey("authorization")).isFalse();
        assertThat(h.containsKey("cookie")).isFalse();
    }

    @Test
    void probeReportsGoToCollectionAsTheTokensOrganisationWhateverTheHeadersSay() {
        for (String auth : List.of("Scope-Probe token=token-a", "Bearer token-a",
                "Basic " + Base64.getEncoder().encodeToString("scope:token-a".getBytes()),
                "Basic " + Base64.getEncoder().encodeToString("token-a:".getBytes()))) {
            JsonObject seen = seen(http.post("/api/report", new byte[10], with(FORGED, "Authorization", auth)));
            assertThat(seen.getString("uri")).isEqualTo("/api/report");
            assertThat(seen.getInteger("bodyBytes")).isEqualTo(10);
            assertOrgA(seen, null);
            assertThat(seen.getJsonObject("headers").containsKey("x-scope-userid")).isFalse();
        }
    }

    @Test
    void probesCloseTheirPipesAndAskForTheAppAsTheirOrganisation() {
        JsonObject deleted = seen(http.send(http.request("/api/pipe/p9").DELETE()
                .header("Authorization", "Bearer token-a").header("X-Scope-OrgID", "id-b")));
        assertThat(deleted.getString("method")).isEqualTo("DELETE");
        assertThat(deleted.getString("uri")).isEqualTo("/api/pipe/p9");
        assertOrgA(deleted, null);
        JsonObject api = seen(http.get("/api", "Authorization", "Bearer token-a"));
        assertThat(api.getString("uri")).isEqualTo("/api");
        assertOrgA(api, null);
        assertThat(http.send(http.request("/api/pipe/p9").DELETE()).statusCode()).isEqualTo(401);
    }

    @Test
    void aClientWaitingFor100ContinueGetsItOnceAuthenticated() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/report HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer token-a\r\n"
                    + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n").getBytes());
            out.flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            out.write("hello".getBytes());
            out.flush();
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("HTTP/1.1 2")) {
                // the blank line after 100 Continue
            }
            assertThat(line).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void unknownOrMissingTokensGetTheSameAnswer() {
        HttpResponse<String> unknown = http.post("/api/report", new byte[1], "Authorization", "Scope-Probe token=nope");
        HttpResponse<String> none = http.post("/api/report", new byte[1]);
        HttpResponse<String> garbage = http.post("/api/report", new byte[1], "Authorization", "Basic !!!");
        for (HttpResponse<String> r : List.of(unknown, none, garbage)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).isEqualTo(unknown.body());
        }
        // A user who is no member, and an organisation that does not exist, look the same too.
        HttpResponse<String> notMember = http.get("/api/app/org-b/api/topology", "Cookie", "scope_session=s-admin");
        HttpResponse<String> noOrg = http.get("/api/app/no-such-org/api/topology", "Cookie", "scope_session=s-admin");
        assertThat(notMember.statusCode()).isEqualTo(401);
        assertThat(noOrg.statusCode()).isEqualTo(401);
        assertThat(noOrg.body()).isEqualTo(notMember.body()).isEqualTo(unknown.body());
    }

    @Test
    void oversizedBodiesAre413() {
        assertThat(http.post("/api/report", new byte[2000], "Authorization", "Bearer token-b").statusCode()).isEqualTo(413);
        assertThat(http.post("/signup", new byte[600]).statusCode()).isEqualTo(413);
    }

    @Test
    void reportsBeyondTheOrganisationsRateAre429AndOtherOrganisationsAreUnaffected() {
        FixedAuthenticator auth = new FixedAuthenticator().token("t-x", "id-x", "org-x").token("t-y", "id-y", "org-y");
        GatewayComponent limited = GatewayComponent.start(vertx, auth, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                GatewaySettings.defaults("127.0.0.1", 0, List.of(), urls(collection.url()), List.of(), List.of(), List.of())
                        .withReportRate(0.001, 3));
        try {
            TestHttp h = new TestHttp(limited.port());
            for (int i = 0; i < 3; i++) assertThat(h.post("/api/report", new byte[1], "Authorization", "Bearer t-x").statusCode()).isEqualTo(200);
            HttpResponse<String> refused = h.post("/api/report", new byte[1], "Authorization", "Bearer t-x");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(h.post("/api/report", new byte[1], "Authorization", "Bearer t-y").statusCode()).isEqualTo(200);
        } finally {
            limited.close();
        }
    }

    @Test
    void queryRoutesLoseThePrefixAndCarryTheMembersRole() {
        for (String path : List.of("/api", "/api/topology", "/api/topology/hosts?t=1", "/api/topology/hosts/a%3B%3Chost%3E",
                "/api/report", "/api/probes")) {
            JsonObject seen = seen(http.get("/api/app/org-a" + path, with(FORGED, "Cookie", "scope_session=s-viewer")));
            assertThat(seen.getString("uri")).isEqualTo(path);
            assertOrgA(seen, "viewer");
            assertThat(seen.getJsonObject("headers").getString("x-scope-userid")).isEqualTo("u1");
        }
        assertThat(http.get("/api/app/org-a/api/topology").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/app/org-a/api/unknown", "Cookie", "scope_session=s-admin").statusCode()).isEqualTo(404);
    }

    @Test
    void controlsNeedTheirRoleAndTheCsrfToken() {
        String exec = "/api/app/org-a/api/control/probe1/h%3B%3Chost%3E/host_exec";
        String restart = "/api/app/org-a/api/control/probe1/c1/docker_restart_container";
        String[] csrf = {"X-CSRF-Token", "c1", "Cookie", "scope_csrf=c1; scope_session="};
        assertThat(http.post(exec, new byte[0], session(csrf, "s-editor")).statusCode()).isEqualTo(403);
        assertThat(http.post(restart, new byte[0], session(csrf, "s-viewer")).statusCode()).isEqualTo(403);
        JsonObject seen = seen(http.post(restart, new byte[0], with(FORGED, session(csrf, "s-editor"))));
        assertThat(seen.getString("uri")).isEqualTo("/api/control/probe1/c1/docker_restart_container");
        assertOrgA(seen, "editor");
        assertThat(seen.getJsonObject("headers").containsKey("x-csrf-token")).isFalse();
        assertThat(seen(http.post(exec, new byte[0], session(csrf, "s-admin"))).getString("uri"))
                .isEqualTo("/api/control/probe1/h%3B%3Chost%3E/host_exec");
        // No token, a wrong token, a token without its cookie: refused.
        assertThat(http.post(restart, new byte[0], "Cookie", "scope_session=s-admin").statusCode()).isEqualTo(403);
        assertThat(http.post(restart, new byte[0], "Cookie", "scope_session=s-admin; scope_csrf=c1", "X-CSRF-Token", "c2").statusCode()).isEqualTo(403);
        assertThat(http.post(restart, new byte[0], "Cookie", "scope_session=s-admin", "X-CSRF-Token", "c1").statusCode()).isEqualTo(403);
        // A page of another site cannot drive controls.
        assertThat(http.post(restart, new byte[0], with(session(csrf, "s-admin"), "Origin", "https://evil.example")).statusCode()).isEqualTo(403);
    }

    private static String[] session(String[] csrf, String session) {
        String[] out = csrf.clone();
        out[3] = out[3] + session;
        return out;
    }

    @Test
    void pipesNeedAnEditor() {
        assertThat(http.get("/api/app/org-a/api/pipe/p1/check", "Cookie", "scope_session=s-viewer").statusCode()).isEqualTo(403);
        JsonObject seen = seen(http.get("/api/app/org-a/api/pipe/p1/check", "Cookie", "scope_session=s-editor"));
        assertThat(seen.getString("uri")).isEqualTo("/api/pipe/p1/check");
        assertOrgA(seen, "editor");
        JsonObject deleted = seen(http.send(http.request("/api/app/org-a/api/pipe/p1").DELETE()
                .header("Cookie", "scope_session=s-editor; scope_csrf=x").header("X-CSRF-Token", "x")));
        assertThat(deleted.getString("method")).isEqualTo("DELETE");
    }

    @Test
    void probeWebsocketsAndPipeEndsAreBridged() throws Exception {
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket controlWs = connect("/api/control/ws", MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Scope-Probe token=token-a").add("X-Scope-OrgID", "id-b").add("X-Scope-Probe-ID", "probe-1"), messages);
        JsonObject seen = new JsonObject(messages.poll(30, TimeUnit.SECONDS));
        assertThat(seen.getString("uri")).isEqualTo("/api/control/ws");
        assertOrgA(seen, null);
        assertThat(seen.getJsonObject("headers").getString("x-scope-probe-id")).isEqualTo("probe-1");
        for (int i = 0; i < 50; i++) controlWs.writeTextMessage("m" + i);
        for (int i = 0; i < 50; i++) assertThat(messages.poll(30, TimeUnit.SECONDS)).isEqualTo("m" + i);
        controlWs.close();

        LinkedBlockingQueue<String> pipeMessages = new LinkedBlockingQueue<>();
        WebSocket pipeEnd = connect("/api/pipe/p7/probe", MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer token-a"), pipeMessages);
        assertThat(new JsonObject(pipeMessages.poll(30, TimeUnit.SECONDS)).getString("uri")).isEqualTo("/api/pipe/p7/probe");
        pipeEnd.close();

        assertThatThrownBy(() -> connect("/api/control/ws", MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer wrong")))
                .hasCauseInstanceOf(UpgradeRejectedException.class);
    }

    @Test
    void browserWebsocketsNeedMembershipAndTheSameOrigin() throws Exception {
        MultiMap member = MultiMap.caseInsensitiveMultiMap().add("Cookie", "scope_session=s-viewer");
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket topology = connect("/api/app/org-a/api/topology/hosts/ws?t=1s", member, messages);
        JsonObject seen = new JsonObject(messages.poll(30, TimeUnit.SECONDS));
        assertThat(seen.getString("uri")).isEqualTo("/api/topology/hosts/ws?t=1s");
        assertOrgA(seen, "viewer");
        topology.close();
        assertThatThrownBy(() -> connect("/api/app/org-a/api/topology/hosts/ws",
                MultiMap.caseInsensitiveMultiMap().addAll(member).add("Origin", "https://evil.example")))
                .hasCauseInstanceOf(UpgradeRejectedException.class);
        assertThatThrownBy(() -> connect("/api/app/org-b/api/topology/hosts/ws", member))
                .hasCauseInstanceOf(UpgradeRejectedException.class);
        WebSocket sameOrigin = connect("/api/app/org-a/api/topology/hosts/ws",
                MultiMap.caseInsensitiveMultiMap().addAll(member).add("Origin", "http://127.0.0.1:" + gateway.port()));
        sameOrigin.close();
    }

    private static WebSocket connect(String uri, MultiMap headers) throws Exception {
        return connect(uri, headers, new LinkedBlockingQueue<>());
    }

    /** Connects and puts every text message into {@code messages}, from the first on. */
    private static WebSocket connect(String uri, MultiMap headers, LinkedBlockingQueue<String> messages) throws Exception {
        CompletableFuture<WebSocket> f = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(gateway.port()).setURI(uri).setHeaders(headers)).map(ws -> {
                    ws.textMessageHandler(messages::add);
                    return ws;
                }).toCompletionStage().toCompletableFuture();
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Test
    void everythingElseGoesToUsersWithItsCookiesButNeverForgedHeaders() {
        JsonObject seen = seen(http.get("/org/org-a/members?x=1", with(FORGED, "Cookie", "scope_session=s-admin")));
        assertThat(seen.getString("uri")).isEqualTo("/org/org-a/members?x=1");
        JsonObject h = seen.getJsonObject("headers");
        assertThat(h.getString("cookie")).isEqualTo("scope_session=s-admin");
        assertThat(h.containsKey("x-scope-orgid")).isFalse();
        assertThat(h.containsKey("x-scope-role")).isFalse();
        assertThat(h.containsKey("x-scope-userid")).isFalse();
        assertThat(seen(http.post("/login", "email=a@b".getBytes())).getInteger("bodyBytes")).isEqualTo(9);
    }

    @Test
    void answersCarrySecurityHeaders() {
        HttpResponse<String> r = http.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(http.get("/api/app/org-a/api/topology", "Cookie", "scope_session=s-viewer").headers()
                .firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void dotSegmentsAreRefused() {
        assertThat(http.send(http.request("/api/app/org-a/api/topology/%2e%2e/%2e%2e/report")
                .header("Cookie", "scope_session=s-viewer")).statusCode()).isEqualTo(400);
    }

    @Test
    void theUiIsServedToMembersOnly() {
        HttpResponse<String> anonymous = http.get("/api/app/org-a/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login");
        assertThat(http.get("/api/app/org-a").statusCode()).isEqualTo(301);
        HttpResponse<String> page = http.get("/api/app/org-a/", "Cookie", "scope_session=s-viewer");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<html");
        assertThat(http.get("/api/app/org-b/", "Cookie", "scope_session=s-viewer").statusCode()).isEqualTo(302);
    }
}

package dev.scope.service.all;

import dev.scope.service.auth.Role;
import dev.scope.service.control.FakeControlProbe;
import dev.scope.service.db.Database;
import dev.scope.service.testing.FixedAuthenticator;
import dev.scope.service.testing.ProbeReports;
import dev.scope.service.testing.TestHttp;
import dev.scope.service.testing.TestPostgres;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two organisations on one {@code scope service all} (real PostgreSQL, real collection, query, control and pipe
 * components behind the gateway): neither reads, controls or joins a pipe of the other, by any route, by guessing
 * ids, or by forging the internal headers. One test per route.
 */
class OrganisationIsolationTest {
    private static final String[] FORGE_A = {"X-Scope-OrgID", "id-a", "X-Scope-Org-External-ID", "org-a", "X-Scope-Role", "admin"};
    private static Vertx vertx;
    private static Database db;
    private static AllComponent service;
    private static TestHttp http;
    private static WebSocketClient ws;
    private static final List<FakeControlProbe> probes = new ArrayList<>();
    private static final List<JsonObject> probeAControls = new CopyOnWriteArrayList<>();
    private static final List<JsonObject> probeBControls = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        db = Database.connect(TestPostgres.freshDatabase("isolation-test"));
        FixedAuthenticator auth = new FixedAuthenticator()
                .token("token-a", "id-a", "org-a").token("token-b", "id-b", "org-b")
                .member("sess-a", "user-a", "id-a", "org-a", Role.ADMIN)
                .member("sess-b", "user-b", "id-b", "org-b", Role.ADMIN);
        service = AllComponent.start(vertx, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new AllSettings("127.0.0.1", 0), auth, List.of());
        http = new TestHttp(service.port());
        ws = vertx.createWebSocketClient();

        assertThat(report("token-a", "alpha").statusCode()).isEqualTo(200);
        // Org B's probe claims to be org A in every internal header: it still reports for org B.
        assertThat(http.post("/api/report", ProbeReports.msgpackGzip(ProbeReports.host("beta", "probe-beta")),
                withAll(FORGE_A, "Authorization", "Bearer token-b", "Content-Type", "application/msgpack",
                        "Content-Encoding", "gzip", "X-Scope-Probe-ID", "probe-beta")).statusCode()).isEqualTo(200);

        probes.add(controlProbe("token-a", "probe-alpha", probeAControls, Map.of()));
        probes.add(controlProbe("token-b", "probe-beta", probeBControls, Map.of("X-Scope-OrgID", "id-a", "X-Scope-Role", "admin")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(hosts("sess-a", "org-a")).containsExactly("alpha");
            assertThat(hosts("sess-b", "org-b")).containsExactly("beta");
        });
    }

    @AfterAll
    static void stop() {
        probes.forEach(FakeControlProbe::close);
        service.close();
        db.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static String[] withAll(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static HttpResponse<String> report(String token, String host) {
        return http.post("/api/report", ProbeReports.msgpackGzip(ProbeReports.host(host, "probe-" + host)),
                "Authorization", "Scope-Probe token=" + token, "Content-Type", "application/msgpack",
                "Content-Encoding", "gzip", "X-Scope-Probe-ID", "probe-" + host);
    }

    private static HttpResponse<String> get(String session, String path, String... more) {
        return http.get(path, withAll(withAll(FORGE_A, "Cookie", "scope_session=" + session), more));
    }

    private static List<String> hosts(String session, String org) {
        HttpResponse<String> r = get(session, "/api/app/" + org + "/api/topology/hosts");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject nodes = new JsonObject(r.body()).getJsonObject("nodes");
        return nodes.fieldNames().stream().map(id -> nodes.getJsonObject(id).getString("label")).toList();
    }

    /** A probe's control connection through the gateway, answering every control with "done by" itself. */
    private static FakeControlProbe controlProbe(String token, String probeId, List<JsonObject> seen, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Authorization", "Bearer " + token);
        headers.put("X-Scope-Probe-ID", probeId);
        FakeControlProbe probe = new FakeControlProbe(vertx, headers, List.of(service.port()), request -> {
            seen.add(request);
            return new JsonObject().put("value", "done by " + probeId);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.connectedPort() != -1);
        return probe;
    }

    private static HttpResponse<String> control(String session, String org, String probe, String control) {
        return http.post("/api/app/" + org + "/api/control/" + probe + "/" + TestHttp.escape(probe + ";<host>") + "/" + control,
                new byte[0], withAll(FORGE_A, "Cookie", "scope_session=" + session + "; scope_csrf=t", "X-CSRF-Token", "t"));
    }

    @Test
    void topologies() {
        assertThat(hosts("sess-a", "org-a")).containsExactly("alpha");
        assertThat(hosts("sess-b", "org-b")).containsExactly("beta");
        assertThat(get("sess-b", "/api/app/org-a/api/topology/hosts").statusCode()).isEqualTo(401);
        assertThat(get("sess-b", "/api/app/org-b/api/topology").body()).doesNotContain("alpha");
    }

    @Test
    void nodeDetailsByGuessedId() {
        String alpha = "/api/topology/hosts/" + TestHttp.escape("alpha;<host>");
        assertThat(get("sess-a", "/api/app/org-a" + alpha).statusCode()).isEqualTo(200);
        assertThat(get("sess-b", "/api/app/org-b" + alpha).statusCode()).isEqualTo(404);
        assertThat(get("sess-b", "/api/app/org-a" + alpha).statusCode()).isEqualTo(401);
    }

    @Test
    void rawReportAndProbes() {
        assertThat(get("sess-b", "/api/app/org-b/api/report").body()).contains("beta;<host>").doesNotContain("alpha");
        JsonArray probes = new JsonArray(get("sess-b", "/api/app/org-b/api/probes").body());
        assertThat(probes.stream().map(p -> ((JsonObject) p).getString("id")).toList()).containsExactly("probe-beta");
        assertThat(get("sess-a", "/api/app/org-a/api").statusCode()).isEqualTo(200);
        assertThat(get("sess-b", "/api/app/org-a/api/report").statusCode()).isEqualTo(401);
    }

    @Test
    void probeReadOfApi() {
        HttpResponse<String> r = http.get("/api", "Authorization", "Bearer token-b");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getString("id")).isNotBlank();
        assertThat(http.get("/api", "Authorization", "Bearer nope").statusCode()).isEqualTo(401);
    }

    @Test
    void topologyWebsocket() throws Exception {
        LinkedBlockingQueue<String> a = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> b = new LinkedBlockingQueue<>();
        WebSocket wa = open("/api/app/org-a/api/topology/hosts/ws?t=1s", "sess-a", a);
        WebSocket wb = open("/api/app/org-b/api/topology/hosts/ws?t=1s", "sess-b", b);
        String first = a.poll(30, TimeUnit.SECONDS);
        assertThat(first).contains("alpha").doesNotContain("beta");
        assertThat(b.poll(30, TimeUnit.SECONDS)).contains("beta").doesNotContain("alpha");
        wa.close();
        wb.close();
    }

    private static WebSocket open(String uri, String session, LinkedBlockingQueue<String> messages) throws Exception {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(service.port()).setURI(uri)
                .addHeader("Cookie", "scope_session=" + session);
        for (int i = 0; i < FORGE_A.length; i += 2) o.addHeader(FORGE_A[i], FORGE_A[i + 1]);
        return ws.connect(o).map(s -> {
            s.textMessageHandler(messages::add);
            s.binaryMessageHandler(bytes -> messages.add(bytes.toString()));
            return s;
        }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void controls() {
        HttpResponse<String> own = control("sess-a", "org-a", "probe-alpha", "host_exec");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("done by probe-alpha");
        int seenByA = probeAControls.size();
        // Org B names org A's probe: no such probe in org B.
        assertThat(control("sess-b", "org-b", "probe-alpha", "host_exec").statusCode()).isNotEqualTo(200);
        // Org B's probe forged org A's headers when it connected: org A cannot reach it, org B can.
        assertThat(control("sess-a", "org-a", "probe-beta", "host_exec").statusCode()).isNotEqualTo(200);
        assertThat(control("sess-b", "org-b", "probe-beta", "host_exec").statusCode()).isEqualTo(200);
        assertThat(probeAControls).hasSize(seenByA);
        assertThat(probeBControls).hasSize(1);
    }

    @Test
    void pipes() throws Exception {
        LinkedBlockingQueue<String> probeEnd = new LinkedBlockingQueue<>();
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(service.port())
                .setURI("/api/pipe/shared-id/probe").addHeader("Authorization", "Bearer token-a");
        WebSocket probe = ws.connect(o).map(s -> {
            s.binaryMessageHandler(b -> probeEnd.add(b.toString()));
            return s;
        }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LinkedBlockingQueue<String> uiA = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> uiB = new LinkedBlockingQueue<>();
        WebSocket b = open("/api/app/org-b/api/pipe/shared-id", "sess-b", uiB);
        WebSocket a = open("/api/app/org-a/api/pipe/shared-id", "sess-a", uiA);
        probe.writeBinaryMessage(Buffer.buffer("output for org a"));
        assertThat(uiA.poll(30, TimeUnit.SECONDS)).isEqualTo("output for org a");
        b.writeBinaryMessage(Buffer.buffer("keys from org b"));
        a.writeBinaryMessage(Buffer.buffer("keys from org a"));
        assertThat(probeEnd.poll(30, TimeUnit.SECONDS)).isEqualTo("keys from org a");
        assertThat(uiB).isEmpty();
        probe.close();
        a.close();
        b.close();
    }
}

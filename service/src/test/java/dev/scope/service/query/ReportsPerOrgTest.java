package dev.scope.service.query;

import dev.scope.service.collection.CollectionComponent;
import dev.scope.service.collection.CollectionSettings;
import dev.scope.service.db.Database;
import dev.scope.service.testing.ProbeReports;
import dev.scope.service.testing.TestHttp;
import dev.scope.service.testing.TestPostgres;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Collection stores each report once in PostgreSQL; query renders each organisation from its own rows only. */
class ReportsPerOrgTest {
    private static Vertx vertx;
    private static Database db;
    private static PrometheusMeterRegistry metrics;
    private static CollectionComponent collection;
    private static QueryComponent query;
    private static TestHttp collect;
    private static TestHttp read;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        db = Database.connect(TestPostgres.freshDatabase("query-test"));
        metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        collection = CollectionComponent.start(vertx, db, metrics, new CollectionSettings("127.0.0.1", 0, 1 << 20, 4 << 20, Duration.ofDays(7)));
        query = QueryComponent.start(vertx, db, metrics, QuerySettings.defaults("127.0.0.1", 0));
        collect = new TestHttp(collection.port());
        read = new TestHttp(query.port());
        assertThat(post("org-a", "alpha").statusCode()).isEqualTo(200);
        assertThat(post("org-b", "beta").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        query.close();
        collection.close();
        db.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static HttpResponse<String> post(String org, String host) {
        return collect.post("/api/report", ProbeReports.msgpackGzip(ProbeReports.host(host, "probe-" + host)),
                "X-Scope-OrgID", org, "Content-Type", "application/msgpack", "Content-Encoding", "gzip",
                "X-Scope-Probe-ID", "probe-" + host);
    }

    private static List<String> hostLabels(String org, String query) {
        HttpResponse<String> r = read.get("/api/topology/hosts" + query, "X-Scope-OrgID", org);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject nodes = new JsonObject(r.body()).getJsonObject("nodes");
        List<String> labels = new ArrayList<>();
        for (String id : nodes.fieldNames()) labels.add(nodes.getJsonObject(id).getString("label"));
        return labels;
    }

    @Test
    void eachOrganisationSeesOnlyItsOwnHosts() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(hostLabels("org-a", "")).containsExactly("alpha");
            assertThat(hostLabels("org-b", "")).containsExactly("beta");
        });
        assertThat(hostLabels("org-c", "")).isEmpty();
        HttpResponse<String> raw = read.get("/api/report", "X-Scope-OrgID", "org-a");
        assertThat(raw.body()).contains("alpha;<host>").doesNotContain("beta");
        // GET /api names the same app on every replica for one organisation (probes tell apps apart by it).
        String idA = new JsonObject(read.get("/api", "X-Scope-OrgID", "org-a").body()).getString("id");
        assertThat(idA).isEqualTo(OrgViews.appId("org-a")).isNotEqualTo(OrgViews.appId("org-b")).doesNotContain("org-a");
        HttpResponse<String> probes = read.get("/api/probes", "X-Scope-OrgID", "org-b");
        assertThat(new JsonArray(probes.body()).getJsonObject(0).getString("id")).isEqualTo("probe-beta");
    }

    @Test
    void storesEachReportOnce() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT org_id, count(*) FROM reports GROUP BY org_id ORDER BY org_id")) {
            rs.next();
            assertThat(rs.getString(1) + "=" + rs.getLong(2)).isEqualTo("org-a=1");
            rs.next();
            assertThat(rs.getString(1) + "=" + rs.getLong(2)).isEqualTo("org-b=1");
        }
    }

    @Test
    void aNewReportShowsWithoutWaitingForTheCacheToAge() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hostLabels("org-d", "")).isEmpty());
        assertThat(post("org-d", "delta").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hostLabels("org-d", "")).containsExactly("delta"));
    }

    @Test
    void censorsControlsByRole() {
        String path = "/api/topology/hosts/" + TestHttp.escape("alpha;<host>");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(read.get(path, "X-Scope-OrgID", "org-a").statusCode()).isEqualTo(200));
        assertThat(controls(path, "admin")).containsExactlyInAnyOrder("host_exec", "docker_restart_container");
        assertThat(controls(path, "editor")).containsExactly("docker_restart_container");
        assertThat(controls(path, "viewer")).isEmpty();
        assertThat(read.get(path, "X-Scope-OrgID", "org-a", "X-Scope-Role", "superuser").statusCode()).isEqualTo(400);
        // Another organisation guessing the node id finds nothing.
        assertThat(read.get(path, "X-Scope-OrgID", "org-b", "X-Scope-Role", "admin").statusCode()).isEqualTo(404);
    }

    private static List<String> controls(String path, String role) {
        HttpResponse<String> r = read.get(path, "X-Scope-OrgID", "org-a", "X-Scope-Role", role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray controls = new JsonObject(r.body()).getJsonObject("node").getJsonArray("controls");
        List<String> ids = new ArrayList<>();
        if (controls != null) controls.forEach(c -> ids.add(((JsonObject) c).getString("id")));
        return ids;
    }

    @Test
    void timeTravelReadsTheWindowEndingThen() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hostLabels("org-a", "")).containsExactly("alpha"));
        assertThat(hostLabels("org-a", "?timestamp=" + Instant.now().plusSeconds(1))).containsExactly("alpha");
        assertThat(hostLabels("org-a", "?timestamp=" + Instant.now().minus(Duration.ofDays(1)))).isEmpty();
        assertThat(read.get("/api/topology/hosts?timestamp=yesterday", "X-Scope-OrgID", "org-a").statusCode()).isEqualTo(400);
    }

    @Test
    void aShortcutReportReachesWatchersAtOnce() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<String> messages = new java.util.concurrent.LinkedBlockingQueue<>();
        // t=1h: without the shortcut the next message would be an hour away.
        // Held in a variable: Vert.x closes a client that is no longer reachable, even mid-handshake.
        io.vertx.core.http.WebSocketClient client = vertx.createWebSocketClient();
        io.vertx.core.http.WebSocket ws = client.connect(new io.vertx.core.http.WebSocketConnectOptions()
                        .setHost("127.0.0.1").setPort(query.port()).setURI("/api/topology/hosts/ws?t=1h")
                        .addHeader("X-Scope-OrgID", "org-s"))
                .map(s -> {
                    s.textMessageHandler(messages::add);
                    return s;
                }).toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(messages.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        dev.scope.report.Report shortcut = ProbeReports.host("sigma", "probe-sigma").toBuilder().shortcut(true).build();
        assertThat(collect.post("/api/report", ProbeReports.msgpackGzip(shortcut), "X-Scope-OrgID", "org-s",
                "Content-Type", "application/msgpack", "Content-Encoding", "gzip").statusCode()).isEqualTo(200);
        assertThat(messages.poll(30, java.util.concurrent.TimeUnit.SECONDS)).contains("sigma");
        ws.close();
        client.close();
    }

    @Test
    void refusesRequestsWithoutAnOrganisation() {
        assertThat(read.get("/api/topology").statusCode()).isEqualTo(400);
        assertThat(collect.post("/api/report", ProbeReports.msgpackGzip(ProbeReports.host("x", "p")),
                "Content-Type", "application/msgpack", "Content-Encoding", "gzip").statusCode()).isEqualTo(400);
    }

    @Test
    void refusesBadAndOversizedReports() {
        assertThat(collect.post("/api/report", "not a report".getBytes(), "X-Scope-OrgID", "org-e",
                "Content-Type", "application/msgpack").statusCode()).isEqualTo(400);
        assertThat(collect.post("/api/report", new byte[2 << 20], "X-Scope-OrgID", "org-e",
                "Content-Type", "application/msgpack").statusCode()).isEqualTo(413);
        assertThat(collect.post("/api/report", new byte[10], "X-Scope-OrgID", "org-e",
                "Content-Type", "text/csv").statusCode()).isEqualTo(415);
    }

    @Test
    void servesOperationalEndpoints() {
        assertThat(read.get("/ready").statusCode()).isIn(200, 503);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(read.get("/ready").statusCode()).isEqualTo(200));
        assertThat(collect.get("/ready").statusCode()).isEqualTo(200);
        assertThat(collect.get("/metrics").body()).contains("scope_collection_reports");
        assertThat(read.get("/metrics").body()).contains("scope_query_probes", "scope_query_request_seconds");
        assertThat(read.get("/health").statusCode()).isEqualTo(200);
    }
}

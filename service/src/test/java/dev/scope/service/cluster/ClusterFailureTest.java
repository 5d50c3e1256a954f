package dev.scope.service.cluster;

import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import dev.scope.service.control.FakeControlProbe;
import dev.scope.service.db.Database;
import dev.scope.service.db.DatabaseSettings;
import dev.scope.service.pipe.Ws;
import dev.scope.service.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as separate processes on loopback: 2 collection, 2 query, 2 control and 2 pipe replicas, each its own
 * JVM, over one real PostgreSQL; simulated probes post reports, a fake probe serves controls, websockets carry a
 * terminal. Then one replica of each kind is killed (SIGKILL) under load: no acknowledged report is lost, the probe
 * reconnects and controls work again, the control in flight fails with a clear 502/504, the pipe closes.
 * The gateway is not in this cluster yet: requests carry the internal headers the gateway would set.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterFailureTest {
    private static final Logger log = LoggerFactory.getLogger(ClusterFailureTest.class);
    private static final List<String> ORGS = List.of("org-a", "org-b", "org-c");
    private static final int PROBES_PER_ORG = 4;
    private static final JsonObject EXEC_ANSWER = new JsonObject().put("pipe", "pipe-x").put("raw_tty", true);

    private static DatabaseSettings db;
    private static Database database;
    private static final Map<String, ReplicaProcess> replicas = new HashMap<>();
    private static Vertx clients;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void startCluster() {
        db = TestPostgres.freshDatabase("cluster");
        database = Database.connect(db); // migrates once, before the replicas race to
        Path logs = Path.of("target", "cluster-logs");
        for (String kind : List.of("collection", "query", "control", "pipe")) {
            for (int i = 1; i <= 2; i++) replicas.put(kind + i, ReplicaProcess.start(kind, kind + i, db, logs));
        }
        replicas.values().forEach(ReplicaProcess::awaitPort);
        clients = Vertx.vertx();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ReplicaProcess r : replicas.values()) r.close();
        if (clients != null) clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (database != null) database.close();
    }

    private static int port(String replica) {
        return replicas.get(replica).port();
    }

    private HttpResponse<String> request(String method, int port, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " on port " + port + ": " + e, e);
        }
    }

    private HttpResponse<String> control(String replica, String path) {
        return request("POST", port(replica), path, Map.of("X-Scope-OrgID", "org-a", "X-Scope-Role", "admin"));
    }

    @Test
    void killingOneReplicaOfEachKindUnderLoadLosesNoAcknowledgedReportAndFailsInFlightWorkClearly() throws Exception {
        SimulatedReporters reporters = new SimulatedReporters(
                List.of(() -> port("collection1"), () -> port("collection2")), Duration.ofMillis(500));
        int n = 0;
        for (String org : ORGS) {
            for (int p = 0; p < PROBES_PER_ORG; p++) reporters.start(org, org + "-probe-" + p, n++);
        }
        FakeControlProbe probe = new FakeControlProbe(clients, "org-a", "probe-ctl", List.of(port("control1"), port("control2")),
                r -> "slow".equals(r.getString("NodeID")) ? null : EXEC_ANSWER);
        try {
            // everything works across replicas
            await().atMost(Duration.ofSeconds(60)).until(() -> probe.connectedPort() == port("control1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> control("control2", "/api/control/probe-ctl/n/docker_exec").statusCode() == 200);
            assertThat(new JsonObject(control("control2", "/api/control/probe-ctl/n/docker_exec").body())).isEqualTo(EXEC_ANSWER);

            Ws ui = Ws.connect(port("pipe1"), "/api/pipe/term-1", Map.of("X-Scope-OrgID", "org-a"));
            Ws probeEnd = Ws.connect(port("pipe2"), "/api/pipe/term-1/probe", Map.of("X-Scope-OrgID", "org-a"));
            for (int i = 0; i < 20; i++) ui.send(("k" + i).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) assertThat(new String(probeEnd.next(), StandardCharsets.UTF_8)).isEqualTo("k" + i);
            for (int i = 0; i < 20; i++) probeEnd.send(("o" + i).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) assertThat(new String(ui.next(), StandardCharsets.UTF_8)).isEqualTo("o" + i);

            await().atMost(Duration.ofSeconds(60)).until(() -> ORGS.stream().allMatch(org ->
                    reporters.acked(org + "-probe-0") >= 3));
            for (String org : ORGS) {
                for (String q : List.of("query1", "query2")) {
                    assertThat(request("GET", port(q), "/api/topology", Map.of("X-Scope-OrgID", org)).statusCode()).isEqualTo(200);
                }
            }

            // a control in flight through control2 to the probe held by control1, then one replica of each kind dies
            double forwardedBefore = metric("control2", "scope_control_forwarded_total");
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                    () -> control("control2", "/api/control/probe-ctl/slow/docker_exec"));
            await().atMost(Duration.ofSeconds(30)).until(() -> metric("control2", "scope_control_forwarded_total") > forwardedBefore);
            Map<String, Integer> ackedBeforeKill = new HashMap<>();
            for (String org : ORGS) {
                for (int p = 0; p < PROBES_PER_ORG; p++) ackedBeforeKill.put(org + "-probe-" + p, reporters.acked(org + "-probe-" + p));
            }
            for (String victim : List.of("collection1", "query1", "control1", "pipe1")) replicas.get(victim).kill();
            log.info("killed collection1, query1, control1, pipe1");

            HttpResponse<String> failed = inFlight.get(60, TimeUnit.SECONDS);
            assertThat(failed.statusCode()).as("in-flight control: %s", failed.body()).isIn(502, 504);
            assertThat(failed.body()).containsAnyOf("unreachable", "disconnected", "did not answer", "not connected");

            assertThat(probeEnd.isClosedWithin(30)).as("the pipe's probe end closes when the UI end's replica dies").isTrue();

            await().atMost(Duration.ofSeconds(60)).until(() -> probe.connectedPort() == port("control2"));
            await().atMost(Duration.ofSeconds(30)).until(() -> control("control2", "/api/control/probe-ctl/n/docker_exec").statusCode() == 200);

            for (String org : ORGS) {
                assertThat(request("GET", port("query2"), "/api/topology", Map.of("X-Scope-OrgID", org)).statusCode()).isEqualTo(200);
            }
            Ws ui2 = Ws.connect(port("pipe2"), "/api/pipe/term-2", Map.of("X-Scope-OrgID", "org-a"));
            Ws probeEnd2 = Ws.connect(port("pipe2"), "/api/pipe/term-2/probe", Map.of("X-Scope-OrgID", "org-a"));
            ui2.send("after".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(probeEnd2.next(), StandardCharsets.UTF_8)).isEqualTo("after");
            ui2.close();
            probeEnd2.close();

            // every probe keeps reporting through the surviving collection replica
            await().atMost(Duration.ofSeconds(60)).until(() -> ackedBeforeKill.entrySet().stream()
                    .allMatch(e -> reporters.acked(e.getKey()) >= e.getValue() + 3));
        } finally {
            reporters.close();
            probe.close();
        }

        Map<String, Integer> stored = storedReportIds();
        List<SimulatedReporters.Acked> lost = new ArrayList<>();
        for (SimulatedReporters.Acked a : reporters.acked()) {
            if (!stored.containsKey(a.org() + "/" + a.reportId())) lost.add(a);
        }
        long duplicates = stored.values().stream().filter(c -> c > 1).count();
        log.info("{} reports acknowledged, {} stored, {} failed attempts retried elsewhere, {} stored twice",
                reporters.acked().size(), stored.size(), reporters.failedAttempts(), duplicates);
        assertThat(lost).as("acknowledged reports missing from the database").isEmpty();
        assertThat(stored.keySet()).allMatch(k -> ORGS.stream().anyMatch(org -> k.startsWith(org + "/" + org + "-probe-")),
                "every report is stored under the organisation that sent it");
    }

    private double metric(String replica, String name) {
        return request("GET", port(replica), "/metrics", Map.of()).body().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** "org/reportId" → how many rows hold it. */
    private static Map<String, Integer> storedReportIds() throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT org_id, body FROM reports");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String id = ReportCodec.decode(rs.getBytes(2), WireFormat.MSGPACK, true, DecodeLimits.defaults()).id();
                ids.merge(rs.getString(1) + "/" + id, 1, Integer::sum);
            }
        }
        return ids;
    }
}

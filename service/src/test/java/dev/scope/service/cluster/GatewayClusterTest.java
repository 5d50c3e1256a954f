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
import java.net.URLEncoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as separate processes on loopback, reached only through the gateway: gateway + 2 collection + 2 query
 * + 2 control + 2 pipe replicas (each its own JVM) over one real PostgreSQL, a real probe (its own JVM) and
 * simulated ones, two organisations. Every organisation sees only its data, a real terminal works through the
 * replicas; then one replica of each kind is killed (SIGKILL) under load: no acknowledged report is lost, the real
 * probe reconnects and controls work again, the control in flight fails with 502/504, the terminal closes.
 * The gateway authenticates from a fixed table of tokens and sessions ({@link ReplicaMain}) instead of the users
 * component.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class GatewayClusterTest {
    private static final Logger log = LoggerFactory.getLogger(GatewayClusterTest.class);
    private static final Map<String, String> ORG_IDS = Map.of("org-a", "id-a", "org-b", "id-b");
    private static final String AUTH = "token:tok-a:id-a:org-a;token:tok-b:id-b:org-b;"
            + "member:sess-a:user-a:id-a:org-a:admin;member:sess-b:user-b:id-b:org-b:admin";
    private static final int PROBES_PER_ORG = 5;

    private static Database database;
    private static final Map<String, ReplicaProcess> replicas = new LinkedHashMap<>();
    private static Vertx clients;
    private static int gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void startCluster() {
        DatabaseSettings db = TestPostgres.freshDatabase("gateway-cluster");
        database = Database.connect(db); // migrates once, before the replicas race to
        Path logs = Path.of("target", "gateway-cluster-logs");
        for (String kind : List.of("collection", "query", "control", "pipe")) {
            for (int i = 1; i <= 2; i++) replicas.put(kind + i, ReplicaProcess.start(kind, kind + i, db, logs));
        }
        replicas.values().forEach(ReplicaProcess::awaitPort);
        Map<String, String> env = new HashMap<>(Map.of("SCOPE_TEST_AUTH", AUTH));
        for (String kind : List.of("collection", "query", "control", "pipe")) {
            env.put("SCOPE_TEST_" + kind.toUpperCase(java.util.Locale.ROOT) + "_URL",
                    "http://127.0.0.1:" + port(kind + "1") + ",http://127.0.0.1:" + port(kind + "2"));
        }
        replicas.put("gateway", ReplicaProcess.start("gateway", "gateway", db, logs, env));
        gateway = replicas.get("gateway").awaitPort();
        replicas.put("probe", ReplicaProcess.start("probe", "real-probe", db, logs, Map.of(
                "SCOPE_TEST_APP", "http://127.0.0.1:" + gateway, "SCOPE_TEST_TOKEN", "tok-a",
                "SCOPE_TEST_PROBE_ID", "real-probe", "SCOPE_TEST_HOSTNAME", "real-host")));
        replicas.get("probe").awaitPort();
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

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway + path))
                .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        }
    }

    private static Map<String, String> browser(String session) {
        return Map.of("Cookie", "scope_session=" + session + "; scope_csrf=t", "X-CSRF-Token", "t");
    }

    private HttpResponse<String> control(String probe, String node, String control) {
        return send("POST", "/api/app/org-a/api/control/" + probe + "/" + escape(node) + "/" + control, browser("sess-a"));
    }

    private List<String> hostLabels(String org, String session) {
        HttpResponse<String> r = send("GET", "/api/app/" + org + "/api/topology/hosts", browser(session));
        if (r.statusCode() != 200) return List.of("<" + r.statusCode() + ">");
        JsonObject nodes = new JsonObject(r.body()).getJsonObject("nodes");
        return nodes == null ? List.of() : nodes.fieldNames().stream().map(id -> nodes.getJsonObject(id).getString("label")).toList();
    }

    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void throughTheGatewayEachOrgSeesItsOwnDataATerminalWorksAndKillingOneReplicaOfEachKindLosesNothingAcknowledged()
            throws Exception {
        SimulatedReporters reporters = new SimulatedReporters(List.of(() -> gateway), Duration.ofMillis(500));
        for (String org : List.of("org-a", "org-b")) {
            for (int p = 0; p < PROBES_PER_ORG; p++) {
                reporters.start(ORG_IDS.get(org), org + "-sim-" + p, 0, Map.of("Authorization", "Bearer tok-" + org.substring(4)));
            }
        }
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            // the real probe's host is seen by its organisation only
            await().atMost(Duration.ofSeconds(120)).until(() -> hostLabels("org-a", "sess-a").contains("real-host"));
            assertThat(hostLabels("org-b", "sess-b")).doesNotContain("real-host");
            assertThat(send("GET", "/api/app/org-a/api/topology/hosts", browser("sess-b")).statusCode()).isIn(401, 403, 404);

            // a terminal on the real probe's host, through the gateway, the control and the pipe replicas
            Terminal terminal = openTerminal();
            toClose.add(terminal.ui());
            terminal.ui().send("echo cluster-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
            awaitOutput(terminal.ui(), "cluster-42");
            String uiPipeReplica = pipeEndReplica(terminal.pipeId(), "ui");
            log.info("terminal {}: UI end on {}, probe end on {}", terminal.pipeId(), uiPipeReplica, pipeEndReplica(terminal.pipeId(), "probe"));

            // a fake probe on the same control replica as the real one, holding a control in flight
            String controlVictim = controlReplica("id-a", "real-probe");
            FakeControlProbe fake = fakeProbeOn(controlVictim);
            toClose.add(fake);
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> control("fake-probe", "slow", "docker_exec"));

            Map<String, Integer> ackedBeforeKill = reporters.ackedByProbe();
            List<String> victims = List.of("collection1", "query1", controlVictim, uiPipeReplica);
            for (String victim : victims) replicas.get(victim).kill();
            log.info("killed {}", victims);

            HttpResponse<String> failed = inFlight.get(90, TimeUnit.SECONDS);
            log.info("the control in flight answered {} {}", failed.statusCode(), failed.body());
            assertThat(failed.statusCode()).as("the control in flight: %s", failed.body()).isIn(502, 503, 504);
            assertThat(failed.body()).isNotBlank();
            assertThat(terminal.ui().isClosedWithin(60)).as("the terminal closes when its UI end's replica dies").isTrue();

            // the real probe reconnects (to the surviving control replica) and controls work again
            Terminal again = await().atMost(Duration.ofSeconds(120)).until(this::tryOpenTerminal, java.util.Objects::nonNull);
            toClose.add(again.ui());
            again.ui().send("echo again-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
            awaitOutput(again.ui(), "again-42");

            await().atMost(Duration.ofSeconds(60)).until(() -> hostLabels("org-a", "sess-a").contains("real-host"));
            assertThat(hostLabels("org-b", "sess-b")).doesNotContain("real-host");
            await().atMost(Duration.ofSeconds(90)).until(() -> ackedBeforeKill.entrySet().stream()
                    .allMatch(e -> reporters.acked(e.getKey()) >= e.getValue() + 3));
        } finally {
            reporters.close();
            for (AutoCloseable c : toClose) c.close();
        }

        Map<String, Integer> stored = storedReportIds();
        List<SimulatedReporters.Acked> lost = reporters.acked().stream()
                .filter(a -> !stored.containsKey(a.org() + "/" + a.reportId())).toList();
        log.info("{} simulated reports acknowledged, {} stored (with the real probe's), {} attempts retried, {} stored twice",
                reporters.acked().size(), stored.size(), reporters.failedAttempts(), stored.values().stream().filter(c -> c > 1).count());
        assertThat(lost).as("acknowledged reports missing from the database").isEmpty();
        assertThat(stored.keySet().stream().filter(k -> k.contains("-sim-")))
                .allMatch(k -> k.startsWith("id-a/org-a-sim-") || k.startsWith("id-b/org-b-sim-"), "stored under the sender's organisation");
    }

    private record Terminal(String pipeId, Ws ui) {
    }

    private Terminal openTerminal() {
        Terminal t = tryOpenTerminal();
        assertThat(t).as("host_exec on the real probe").isNotNull();
        return t;
    }

    /** A shell on the real probe's host with the UI end connected, or null when the control failed. */
    private Terminal tryOpenTerminal() {
        HttpResponse<String> exec = control("real-probe", "real-host;<host>", "host_exec");
        if (exec.statusCode() != 200) {
            log.info("host_exec: {} {}", exec.statusCode(), exec.body());
            return null;
        }
        JsonObject answer = new JsonObject(exec.body());
        assertThat(answer.getBoolean("raw_tty")).isTrue();
        String pipeId = answer.getString("pipe");
        return new Terminal(pipeId, Ws.connect(gateway, "/api/app/org-a/api/pipe/" + pipeId, Map.of("Cookie", "scope_session=sess-a")));
    }

    private static void awaitOutput(Ws ui, String expected) {
        StringBuilder seen = new StringBuilder();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            byte[] m = ui.messages.poll(1, TimeUnit.SECONDS);
            if (m != null) seen.append(new String(m, StandardCharsets.UTF_8));
            return seen.toString().contains(expected);
        });
    }

    /** Connects fake probes through the gateway until one lands on that control replica. */
    private FakeControlProbe fakeProbeOn(String replica) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            FakeControlProbe fake = new FakeControlProbe(clients, Map.of("Authorization", "Bearer tok-a", "X-Scope-Probe-ID", "fake-probe"),
                    List.of(gateway), r -> "slow".equals(r.getString("NodeID")) ? null : new JsonObject());
            await().atMost(Duration.ofSeconds(30)).until(() -> controlReplica("id-a", "fake-probe") != null);
            if (replica.equals(controlReplica("id-a", "fake-probe"))) return fake;
            fake.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> controlReplica("id-a", "fake-probe") == null);
        }
        throw new AssertionError("the gateway never sent the fake probe to " + replica);
    }

    /** The name of the replica process holding a probe's control connection, or null. */
    private static String controlReplica(String org, String probe) throws Exception {
        return replicaByUrl("""
                SELECT r.internal_url FROM control_routes c JOIN service_replicas r ON r.replica_id = c.replica_id
                WHERE c.org_id = ? AND c.probe_id = ?""", org, probe);
    }

    private static String pipeEndReplica(String pipeId, String end) throws Exception {
        return replicaByUrl("""
                SELECT r.internal_url FROM pipe_ends e JOIN service_replicas r ON r.replica_id = e.replica_id
                WHERE e.org_id = 'id-a' AND e.pipe_id = ? AND e.end_kind = ?""", pipeId, end);
    }

    private static String replicaByUrl(String sql, String a, String b) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, a);
            st.setString(2, b);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return null;
                int port = URI.create(rs.getString(1)).getPort();
                return replicas.entrySet().stream().filter(e -> e.getValue().port() == port).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
            }
        }
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

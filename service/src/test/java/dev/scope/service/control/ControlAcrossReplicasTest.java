package dev.scope.service.control;

import dev.scope.service.db.Database;
import dev.scope.service.testing.Replicas;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two control replicas (each its own Vert.x, as separate processes would have) over one real PostgreSQL, a fake
 * probe speaking the control protocol over a real websocket.
 */
class ControlAcrossReplicasTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final JsonObject EXEC_ANSWER = new JsonObject().put("pipe", "pipe-123").put("raw_tty", true)
            .put("resize_tty_control", "docker_resize_exec_tty").put("shortcutReport", new JsonObject());

    private Replicas replicas;
    private Database database;
    private final HttpClient http = HttpClient.newHttpClient();
    private ControlComponent a;
    private ControlComponent b;
    private Vertx vertxA;
    /** The probes' own Vert.x: they live on when a replica dies. */
    private Vertx probes;

    @BeforeEach
    void start() {
        replicas = new Replicas("control-test");
        database = replicas.database();
        probes = replicas.vertx();
        vertxA = replicas.vertx();
        a = replica(vertxA);
        b = replica(replicas.vertx());
    }

    private ControlComponent replica(Vertx vertx) {
        return replicas.closeAtEnd(ControlComponent.start(vertx, database, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                ControlSettings.defaults().withPort(0).withControlTimeout(TIMEOUT).withReplicaTtl(Duration.ofSeconds(2))));
    }

    @AfterEach
    void stop() throws Exception {
        replicas.close();
    }

    private FakeControlProbe probe(String org, String id, List<Integer> ports, java.util.function.Function<JsonObject, JsonObject> answer) {
        return replicas.closeAtEnd(new FakeControlProbe(probes, org, id, ports, answer));
    }

    private HttpResponse<String> control(int port, String org, String role, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (org != null) b.header("X-Scope-OrgID", org);
        if (role != null) b.header("X-Scope-Role", role);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String routedReplica(String org, String probe) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT replica_id FROM control_routes WHERE org_id = ? AND probe_id = ?")) {
            st.setString(1, org);
            st.setString(2, probe);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void awaitRoute(String org, String probe, ControlComponent replica) {
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> replica.replicaId().equals(routedReplica(org, probe)));
    }

    @Test
    void aControlOnOneReplicaReachesTheProbeOnTheOtherAndItsAnswerComesBack() {
        List<JsonObject> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        probe("org-1", "probe-1", List.of(a.port()), r -> {
            seen.add(r);
            return EXEC_ANSWER;
        });
        awaitRoute("org-1", "probe-1", a);

        HttpResponse<String> viaB = control(b.port(), "org-1", "admin", "/api/control/probe-1/vm%3B%3Chost%3E/docker_exec", "{\"k\":\"v\"}");
        HttpResponse<String> viaA = control(a.port(), "org-1", "admin", "/api/control/probe-1/n/docker_exec", "");

        assertThat(viaB.statusCode()).isEqualTo(200);
        JsonObject expected = EXEC_ANSWER.copy();
        expected.remove("shortcutReport"); // as the app: the UI never needs it
        assertThat(new JsonObject(viaB.body())).isEqualTo(expected);
        assertThat(viaA.statusCode()).isEqualTo(200);
        assertThat(seen.getFirst().getString("NodeID")).isEqualTo("vm;<host>");
        assertThat(seen.getFirst().getString("Control")).isEqualTo("docker_exec");
        assertThat(seen.getFirst().getJsonObject("ControlArgs").getString("k")).isEqualTo("v");
        assertThat(seen.get(1).getValue("ControlArgs")).isNull();
    }

    @Test
    void anotherOrganisationsProbeIsNotReachable() {
        probe("org-1", "probe-1", List.of(a.port()), r -> EXEC_ANSWER);
        awaitRoute("org-1", "probe-1", a);

        HttpResponse<String> r = control(b.port(), "org-2", "admin", "/api/control/probe-1/n/docker_exec", "");

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("probe-1 is not connected");
    }

    @Test
    void theProbesErrorIsA400WithItsMessageAsTheAppAnswers() {
        probe("org-1", "probe-1", List.of(a.port()), r -> new JsonObject().put("error", "no such container"));
        awaitRoute("org-1", "probe-1", a);

        HttpResponse<String> r = control(b.port(), "org-1", "editor", "/api/control/probe-1/n/docker_restart_container", "");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("\"no such container\"");
    }

    @Test
    void aSilentProbeGives504WithinTheTimeout() {
        probe("org-1", "probe-1", List.of(a.port()), r -> null);
        awaitRoute("org-1", "probe-1", a);

        HttpResponse<String> r = control(b.port(), "org-1", "admin", "/api/control/probe-1/n/host_exec", "");

        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("did not answer");
    }

    @Test
    void rolesAndBadRequestsAreRefusedClearly() {
        assertThat(control(b.port(), null, "admin", "/api/control/p/n/host_exec", "").statusCode()).isEqualTo(400);
        HttpResponse<String> viewer = control(b.port(), "org-1", "viewer", "/api/control/p/n/docker_pause_container", "");
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).contains("needs editor");
        assertThat(control(b.port(), "org-1", "editor", "/api/control/p/n/host_exec", "").statusCode()).isEqualTo(403);
        assertThat(control(b.port(), "org-1", null, "/api/control/p/n/host_exec", "").statusCode()).isEqualTo(403);
        assertThat(control(b.port(), "org-1", "admin", "/api/control/p/n/host_exec", "{\"a\":1}").statusCode()).isEqualTo(400);
        assertThat(control(b.port(), "org-1", "admin", "/api/control/p/n/host_exec", "{nope").statusCode()).isEqualTo(400);
        assertThat(control(b.port(), "org-1", "admin", "/api/control/p/host_exec", "").statusCode()).isEqualTo(404);
        assertThat(control(b.port(), "org-1", "admin", "/api/control/nobody/n/host_exec", "").statusCode()).isEqualTo(502);
    }

    @Test
    void killingTheReplicaHoldingTheProbeFailsTheCallInFlightThenTheProbeReconnectsAndControlsWork() throws Exception {
        probe("org-1", "probe-1", List.of(a.port(), b.port()), r -> "slow".equals(r.getString("NodeID")) ? null : EXEC_ANSWER);
        awaitRoute("org-1", "probe-1", a);

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                () -> control(b.port(), "org-1", "admin", "/api/control/probe-1/slow/docker_exec", ""));
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> counter(b, "scope_control_forwarded") >= 1);
        vertxA.close(); // a crash: the replica's row stays in the database until it lapses (its last heartbeat may fail on a dead
        // event loop: hence dontCatchUncaughtExceptions)

        HttpResponse<String> failed = inFlight.get(TIMEOUT.toSeconds() + 20, TimeUnit.SECONDS);
        assertThat(failed.statusCode()).isIn(502, 504);
        // the dying replica may still answer for its closing probe connection ("disconnected") before its server goes
        assertThat(failed.body()).containsAnyOf("unreachable", "closed", "disconnected", "did not answer");

        awaitRoute("org-1", "probe-1", b);
        HttpResponse<String> next = control(b.port(), "org-1", "admin", "/api/control/probe-1/n/docker_exec", "");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(next.body()).getString("pipe")).isEqualTo("pipe-123");
    }

    @Test
    void aReplicaWhoseRegistrationLapsedRecordsItsProbesAgain() {
        probe("org-1", "probe-1", List.of(a.port()), r -> EXEC_ANSWER);
        awaitRoute("org-1", "probe-1", a);

        sql("DELETE FROM service_replicas WHERE replica_id = '" + a.replicaId() + "'"); // takes the route with it
        assertThat(routedReplica("org-1", "probe-1")).isNull();

        awaitRoute("org-1", "probe-1", a);
        assertThat(control(b.port(), "org-1", "admin", "/api/control/probe-1/n/docker_exec", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aRouteToAnExpiredReplicaIsNotFollowedAndLongExpiredReplicasAreSwept() {
        sql("INSERT INTO service_replicas (replica_id, kind, internal_url, expires_at) "
                + "VALUES ('ghost', 'control', 'http://127.0.0.1:9', now() - interval '2 minutes')");
        sql("INSERT INTO control_routes (org_id, probe_id, replica_id, connection_id) VALUES ('org-1', 'probe-g', 'ghost', 'c')");

        HttpResponse<String> r = control(b.port(), "org-1", "admin", "/api/control/probe-g/n/docker_exec", "");

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("probe-g is not connected");
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> routedReplica("org-1", "probe-g") == null);
    }

    private void sql(String statement) {
        try (Connection c = database.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static double counter(ControlComponent replica, String name) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + replica.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(l -> l.startsWith(name)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception e) {
            return -1;
        }
    }
}

package dev.scope.service.pipe;

import dev.scope.app.Ws;
import dev.scope.service.testing.Replicas;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Two pipe replicas (each its own Vert.x) over one real PostgreSQL; browsers and probes as real websockets. */
class PipeAcrossReplicasTest {
    private static final Map<String, String> ORG = Map.of("X-Scope-OrgID", "org-1");

    private Replicas replicas;
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertxB;
    private PipeComponent a;
    private PipeComponent b;

    @BeforeEach
    void start() {
        replicas = new Replicas("pipe-test");
        a = replica(replicas.vertx(), Duration.ofMinutes(1));
        vertxB = replicas.vertx();
        b = replica(vertxB, Duration.ofMinutes(1));
    }

    private PipeComponent replica(Vertx vertx, Duration idle) {
        return replicas.closeAtEnd(PipeComponent.start(vertx, replicas.database(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                PipeSettings.defaults().withPort(0).withIdleTimeout(idle).withReplicaTtl(Duration.ofSeconds(2))));
    }

    @AfterEach
    void stop() throws Exception {
        replicas.close();
    }

    private Ws end(PipeComponent replica, String path) {
        return replicas.closeAtEnd(Ws.connect(replica.port(), path, ORG));
    }

    private HttpResponse<String> send(PipeComponent replica, String method, String path, Map<String, String> headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(r::header);
        try {
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void exchangeInOrder(Ws from, Ws to, String prefix, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) from.sendBinary((prefix + i).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < count; i++) assertThat(new String(to.nextBinary(), StandardCharsets.UTF_8)).isEqualTo(prefix + i);
    }

    @Test
    void uiEndFirstOnOneReplicaProbeEndOnTheOtherCarriesBytesBothWaysInOrder() throws Exception {
        Ws ui = end(a, "/api/pipe/p1");
        Ws probe = end(b, "/api/pipe/p1/probe");

        exchangeInOrder(ui, probe, "keys-", 300);
        exchangeInOrder(probe, ui, "output-", 300);

        ui.close();
        assertThat(probe.isClosedWithin(20)).as("the probe end closes when the UI end goes").isTrue();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> send(b, "GET", "/api/pipe/p1/check", ORG).statusCode() == 404);
    }

    @Test
    void probeEndFirstThenUiEndElsewhere() throws Exception {
        Ws probe = end(b, "/api/pipe/p2/probe");
        Ws ui = end(a, "/api/pipe/p2");

        exchangeInOrder(probe, ui, "output-", 100);
        exchangeInOrder(ui, probe, "keys-", 100);

        probe.close();
        assertThat(ui.isClosedWithin(20)).as("the UI end closes when the probe end goes").isTrue();
    }

    @Test
    void bothEndsOnOneReplica() throws Exception {
        Ws ui = end(a, "/api/pipe/p3");
        Ws probe = end(a, "/api/pipe/p3/probe");

        exchangeInOrder(ui, probe, "k", 50);
        exchangeInOrder(probe, ui, "o", 50);
    }

    @Test
    void checkAndDeleteWorkFromAnyReplica() throws Exception {
        assertThat(send(a, "GET", "/api/pipe/p4/check", ORG).statusCode()).isEqualTo(204);
        Ws ui = end(a, "/api/pipe/p4");
        Ws probe = end(b, "/api/pipe/p4/probe");
        exchangeInOrder(ui, probe, "k", 1);

        assertThat(send(b, "DELETE", "/api/pipe/p4", ORG).statusCode()).isEqualTo(200);

        assertThat(ui.isClosedWithin(20)).isTrue();
        assertThat(probe.isClosedWithin(20)).isTrue();
        assertThat(send(a, "GET", "/api/pipe/p4/check", ORG).statusCode()).isEqualTo(404);
        assertThat(send(b, "GET", "/api/pipe/p4/check", ORG).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> Ws.connect(a.port(), "/api/pipe/p4", ORG))
                .satisfies(e -> assertThat(handshakeStatus(e)).as("a late connection to a closed pipe").isEqualTo(404));
    }

    private static int handshakeStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.WebSocketHandshakeException h) return h.getResponse().statusCode();
        }
        throw new AssertionError("not a refused handshake", e);
    }

    @Test
    void anotherOrganisationsPipeIsSeparate() throws Exception {
        Ws ui = end(a, "/api/pipe/p5");
        Ws other = replicas.closeAtEnd(Ws.connect(b.port(), "/api/pipe/p5/probe", Map.of("X-Scope-OrgID", "org-2")));
        Ws probe = end(b, "/api/pipe/p5/probe");

        exchangeInOrder(ui, probe, "k", 5);
        assertThat(other.messages).isEmpty();
    }

    @Test
    void requestsWithoutAnOrganisationAreRefused() {
        assertThat(send(a, "GET", "/api/pipe/p6/check", Map.of()).statusCode()).isEqualTo(400);
        assertThat(send(a, "DELETE", "/api/pipe/p6", Map.of()).statusCode()).isEqualTo(400);
        assertThat(send(a, "GET", "/api/pipe/p6", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnconnectedEndTimesOutAndThePipeCloses() {
        PipeComponent quick = replica(replicas.vertx(), Duration.ofMillis(500));
        Ws ui = end(quick, "/api/pipe/p7");

        assertThat(ui.isClosedWithin(20)).isTrue();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> send(a, "GET", "/api/pipe/p7/check", ORG).statusCode() == 404);
    }

    @Test
    void killingTheReplicaHoldingTheProbeEndClosesTheUiEnd() throws Exception {
        Ws ui = end(a, "/api/pipe/p8");
        Ws probe = end(b, "/api/pipe/p8/probe");
        exchangeInOrder(ui, probe, "k", 3);

        vertxB.close(); // a crash, not a shutdown (its last heartbeat may then fail on a dead event loop: hence dontCatchUncaughtExceptions)

        assertThat(ui.isClosedWithin(20)).isTrue();
        assertThat(probe.isClosedWithin(20)).isTrue();
    }
}

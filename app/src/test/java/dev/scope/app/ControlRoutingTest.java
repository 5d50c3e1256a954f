package dev.scope.app;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Controls through a fake probe: a real websocket client speaking Go net/rpc JSON frames. */
class ControlRoutingTest {
    private ScopeApp app;
    private Http http;

    @BeforeEach
    void start() {
        app = ScopeApp.start(AppConfig.defaults().withPort(0).withControlTimeout(Duration.ofMillis(1500)));
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Ws probe(String id) {
        Ws ws = Ws.connect(app.port(), "/api/control/ws", Map.of("X-Scope-Probe-ID", id));
        // The app registers the probe on the server side of the upgrade; give it a round trip.
        waitUntilConnected();
        return ws;
    }

    private void waitUntilConnected() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && !http.get("/metrics").body().contains("scope_app_control_probes 1.0")) {
            Thread.onSpinWait();
        }
    }

    private CompletableFuture<HttpResponse<String>> postControl(String path, String body) {
        return CompletableFuture.supplyAsync(() -> http.send(http.request(path)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build()));
    }

    @Test
    void routesAControlToTheProbeAndItsAnswerBack() throws Exception {
        try (Ws probe = probe("probe-1")) {
            var answer = postControl("/api/control/probe-1/vm%3B%3Chost%3E/host_exec", "{\"k\":\"v\"}");

            JsonObject header = new JsonObject(probe.nextText());
            JsonObject body = new JsonObject(probe.nextText());
            assertThat(header.getJsonObject("Request").getString("ServiceMethod")).isEqualTo("control.Handle");
            assertThat(header.getValue("Response")).isNull();
            JsonObject request = body.getJsonObject("Value");
            assertThat(request.getString("AppID")).isEqualTo(app.id());
            assertThat(request.getString("NodeID")).isEqualTo("vm;<host>");
            assertThat(request.getString("Control")).isEqualTo("host_exec");
            assertThat(request.getJsonObject("ControlArgs").getMap()).isEqualTo(Map.of("k", "v"));

            long seq = header.getJsonObject("Request").getLong("Seq");
            probe.sendText("{\"Request\":null,\"Response\":{\"Error\":\"\",\"Seq\":" + seq + ",\"ServiceMethod\":\"control.Handle\"},\"Value\":null}");
            probe.sendText("{\"Request\":null,\"Response\":null,\"Value\":" + new String(Http.resource("host_exec-answer.json"), StandardCharsets.UTF_8) + "}");

            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject(new String(Http.resource("host_exec-answer.json"), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void answersAnRpcErrorWith400AndTheMessage() throws Exception {
        try (Ws probe = probe("probe-1")) {
            var answer = postControl("/api/control/probe-1/n/docker_stop_container", "");
            long seq = new JsonObject(probe.nextText()).getJsonObject("Request").getLong("Seq");
            JsonObject request = new JsonObject(probe.nextText()).getJsonObject("Value");
            assertThat(request.getValue("ControlArgs")).isNull();

            probe.sendText("{\"Request\":null,\"Response\":{\"Error\":\"boom\",\"Seq\":" + seq + ",\"ServiceMethod\":\"control.Handle\"},\"Value\":null}");
            probe.sendText("{\"Request\":null,\"Response\":null,\"Value\":{\"error\":\"no such control\"}}");

            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("\"boom\"");
        }
    }

    @Test
    void answers400WhenTheProbeIsNotConnected() throws Exception {
        HttpResponse<String> response = postControl("/api/control/nobody/n/host_exec", "{}").get();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("probe nobody is not connected");
    }

    @Test
    void answers400WhenTheProbeStaysSilent() throws Exception {
        try (Ws ignored = probe("probe-1")) {
            HttpResponse<String> response = postControl("/api/control/probe-1/n/host_exec", "{}").get();

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("did not answer");
        }
    }

    @Test
    void answers400WhenTheProbeGoesAwayMidCall() throws Exception {
        Ws probe = probe("probe-1");
        var answer = postControl("/api/control/probe-1/n/host_exec", "{}");
        probe.nextText();
        probe.close();

        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("disconnected");
    }

    @Test
    void rejectsArgumentsThatAreNotAnObjectOfStrings() {
        assertThat(http.send(http.request("/api/control/p/n/c").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json"))
                .build()).statusCode()).isEqualTo(400);
        assertThat(http.send(http.request("/api/control/p/n/c").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                .build()).statusCode()).isEqualTo(400);
    }

    @Test
    void refusesAProbeConnectionWithoutItsId() {
        assertThat(http.get("/api/control/ws").statusCode()).isEqualTo(400);
    }
}

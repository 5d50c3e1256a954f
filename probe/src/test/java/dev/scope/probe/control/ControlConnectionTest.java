package dev.scope.probe.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.FakeApp;
import dev.scope.probe.TestFiles;
import dev.scope.probe.publish.AppClient;
import dev.scope.probe.publish.AppTarget;
import dev.scope.probe.publish.ProbeIdentity;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlConnectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> fixture = TestFiles.text("control/rpc-frames.txt").lines().toList();

    private Vertx vertx;
    private FakeApp app;
    private AppClient client;
    private ControlConnection connection;
    private final AtomicReference<ControlRequest> seen = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        app = new FakeApp("app1");
        vertx = Vertx.vertx();
        client = new AppClient(AppTarget.parse(app.address()), vertx.createHttpClient(), vertx.createWebSocketClient(),
                new ProbeIdentity("p1", "test", null));
        client.fetchId();
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) connection.close();
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        app.close();
    }

    private ServerWebSocket connect(ControlRegistry registry) throws Exception {
        connection = new ControlConnection(client, registry);
        connection.start();
        ServerWebSocket ws = app.controlSockets.poll(10, TimeUnit.SECONDS);
        assertThat(ws).as("the probe opened /api/control/ws").isNotNull();
        return ws;
    }

    private static BlockingQueue<String> frames(ServerWebSocket ws) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        ws.textMessageHandler(q::add);
        return q;
    }

    @Test
    void answersTheFixtureCallWithTheFixtureFrames() throws Exception {
        ControlRegistry registry = new ControlRegistry(false);
        registry.register("host_exec", req -> {
            seen.set(req);
            return ControlResponse.pipe("pipe-1", true, "host_resize_exec_tty");
        });
        ServerWebSocket ws = connect(registry);
        BlockingQueue<String> answers = frames(ws);
        // the app's request exactly as Weave Scope 1.13 sent it (the fixture's first two frames)
        ws.writeTextMessage(fixture.get(0));
        ws.writeTextMessage(fixture.get(1));
        String header = answers.poll(10, TimeUnit.SECONDS);
        String body = answers.poll(10, TimeUnit.SECONDS);
        assertThat(JSON.readTree(header)).isEqualTo(JSON.readTree(fixture.get(2)));
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(fixture.get(3)));
        assertThat(seen.get()).isEqualTo(new ControlRequest("app1", "vm;<host>", "host_exec", java.util.Map.of("k", "v")));
    }

    @Test
    void unknownControlsAnswerAnErrorInTheBody() throws Exception {
        ServerWebSocket ws = connect(new ControlRegistry(false));
        BlockingQueue<String> answers = frames(ws);
        ws.writeTextMessage("{\"Request\":{\"Seq\":7,\"ServiceMethod\":\"control.Handle\"},\"Response\":null,\"Value\":null}");
        ws.writeTextMessage("{\"Request\":null,\"Response\":null,\"Value\":{\"AppID\":\"a\",\"Control\":\"nope\",\"NodeID\":\"n\"}}");
        JsonNode header = JSON.readTree(answers.poll(10, TimeUnit.SECONDS));
        JsonNode body = JSON.readTree(answers.poll(10, TimeUnit.SECONDS));
        assertThat(header.get("Response").get("Seq").asLong()).isEqualTo(7);
        assertThat(header.get("Response").get("Error").asText()).isEmpty();
        assertThat(body.get("Value").get("error").asText()).contains("nope");
    }

    @Test
    void readOnlyProbesRefuseEveryControl() throws Exception {
        ControlRegistry registry = new ControlRegistry(true);
        registry.register("host_exec", req -> {
            seen.set(req);
            return ControlResponse.ok();
        });
        ServerWebSocket ws = connect(registry);
        BlockingQueue<String> answers = frames(ws);
        ws.writeTextMessage(fixture.get(0));
        ws.writeTextMessage(fixture.get(1));
        answers.poll(10, TimeUnit.SECONDS);
        JsonNode body = JSON.readTree(answers.poll(10, TimeUnit.SECONDS));
        assertThat(body.get("Value").get("error").asText()).contains("read-only");
        assertThat(seen.get()).isNull();
    }

    @Test
    void handlerFailuresBecomeErrorAnswers() throws Exception {
        ControlRegistry registry = new ControlRegistry(false);
        registry.register("host_exec", req -> {
            throw new IllegalStateException("boom");
        });
        ServerWebSocket ws = connect(registry);
        BlockingQueue<String> answers = frames(ws);
        ws.writeTextMessage(fixture.get(0));
        ws.writeTextMessage(fixture.get(1));
        answers.poll(10, TimeUnit.SECONDS);
        assertThat(JSON.readTree(answers.poll(10, TimeUnit.SECONDS)).get("Value").get("error").asText()).isEqualTo("boom");
    }

    @Test
    void reconnectsAfterGarbageFromTheApp() throws Exception {
        ServerWebSocket ws = connect(new ControlRegistry(false));
        ws.writeTextMessage("this is not json");
        ServerWebSocket again = app.controlSockets.poll(10, TimeUnit.SECONDS);
        assertThat(again).as("a new control connection after the bad one was closed").isNotNull();
    }

    @Test
    void writesResponseBodiesWithGoFieldNamesAndOmitsEmptyOnes() {
        assertThat(RpcFrames.responseBody(ControlResponse.ok())).isEqualTo("{\"Request\":null,\"Response\":null,\"Value\":{}}");
        assertThat(RpcFrames.responseBody(ControlResponse.ok().withRemovedNode("n1"))).contains("\"removedNode\":\"n1\"");
    }
}

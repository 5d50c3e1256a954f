package dev.scope.probe.hostexec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.FakeApp;
import dev.scope.probe.pipe.AppProbePipes;
import dev.scope.probe.publish.AppClient;
import dev.scope.probe.publish.AppTarget;
import dev.scope.probe.publish.ProbeIdentity;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostExecControlsTest {
    @Test
    void runsAShellInAPtyOverAPipeToTheApp() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (FakeApp app = new FakeApp("app1")) {
            AppClient client = new AppClient(AppTarget.parse(app.address()), vertx.createHttpClient(),
                    vertx.createWebSocketClient(), new ProbeIdentity("p1", "test", null));
            client.fetchId();
            HostExecControls exec = new HostExecControls(new AppProbePipes(id -> id.equals("app1") ? client : null),
                    new String[] {"/bin/sh"});
            ControlRegistry registry = new ControlRegistry(false);
            exec.registerInto(registry);

            ControlResponse answer = registry.handle(new ControlRequest("app1", "h;<host>", "host_exec", Map.of()));
            assertThat(answer.error()).isNull();
            assertThat(answer.pipe()).startsWith("pipe-");
            assertThat(answer.rawTty()).isTrue();
            assertThat(answer.resizeTtyControl()).isEqualTo("host_resize_exec_tty");

            ServerWebSocket pipe = app.pipeSockets.poll(10, TimeUnit.SECONDS);
            assertThat(pipe.path()).isEqualTo("/api/pipe/" + answer.pipe() + "/probe");
            StringBuilder screen = new StringBuilder();
            pipe.binaryMessageHandler(b -> {
                synchronized (screen) {
                    screen.append(b.toString(StandardCharsets.UTF_8));
                }
            });
            pipe.writeBinaryMessage(Buffer.buffer("stty size; echo sum=$((40+2))\n"));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                synchronized (screen) {
                    return screen.toString().contains("sum=42");
                }
            });

            ControlResponse resized = registry.handle(new ControlRequest("app1", "h;<host>", "host_resize_exec_tty",
                    Map.of("pipeID", answer.pipe(), "width", "132", "height", "43")));
            assertThat(resized.error()).isNull();
            pipe.writeBinaryMessage(Buffer.buffer("stty size\n"));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                synchronized (screen) {
                    return screen.toString().contains("43 132");
                }
            });
            assertThat(screen.toString()).contains("24 80");

            // the browser side goes away: the shell ends
            pipe.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> exec.openSessions() == 0);
            client.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void resizingAnUnknownPipeIsAnError() {
        HostExecControls exec = new HostExecControls(id -> {
            throw new IllegalStateException();
        }, new String[] {"/bin/sh"});
        ControlResponse r = exec.resize(new ControlRequest("a", "n", "host_resize_exec_tty", Map.of("pipeID", "pipe-9")));
        assertThat(r.error()).contains("pipe-9");
    }
}

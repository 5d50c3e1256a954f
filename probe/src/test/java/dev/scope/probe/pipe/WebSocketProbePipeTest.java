package dev.scope.probe.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.probe.FakeApp;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ProbeContext;
import dev.scope.probe.ProbeModule;
import dev.scope.probe.ProbePipe;
import dev.scope.probe.ProbePipes;
import dev.scope.probe.ScopeProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Pipes to a real (fake) app over loopback websockets. */
class WebSocketProbePipeTest {
    @Test
    void whatIsSentBeforeAnEarlyCloseStillReachesTheApp() throws Exception {
        AtomicReference<ProbePipes> pipes = new AtomicReference<>();
        ProbeModule capture = new ProbeModule() {
            @Override
            public String name() {
                return "capture-pipes";
            }

            @Override
            public void install(ProbeContext context) {
                pipes.set(context.pipes());
            }
        };
        try (FakeApp app = new FakeApp("app-pipes")) {
            ProbeConfig config = ProbeConfig.defaults(List.of(app.address())).withHostname("testhost")
                    .withPluginsRoot(null).withModules(List.of(capture), false);
            try (ScopeProbe probe = ScopeProbe.start(config)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> probe.appIds().contains("app-pipes"));
                // A short text (a describe, a finished log) is sent and the pipe closed before its socket is up.
                ProbePipe pipe = pipes.get().open("app-pipes");
                pipe.send("all of it\n".getBytes(StandardCharsets.UTF_8));
                pipe.close();

                assertThat(app.pipeSockets.poll(30, TimeUnit.SECONDS)).isNotNull();
                await().atMost(Duration.ofSeconds(30)).until(() -> app.deletedPipes.contains(pipe.id()));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    var data = app.pipeData.get("/api/pipe/" + pipe.id() + "/probe");
                    synchronized (data) {
                        return data.toString(StandardCharsets.UTF_8).equals("all of it\n");
                    }
                });
            }
        }
    }
}

package dev.scope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.app.AppConfig;
import dev.scope.app.ScopeApp;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ScopeProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What `scope launch` does, in one JVM: a real probe reporting this host to a real app over loopback. */
class LaunchEndToEndTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private ScopeApp app;
    private ScopeProbe probe;

    @BeforeEach
    void launch() {
        app = ScopeApp.start(AppConfig.defaults().withPort(0));
        probe = ScopeProbe.start(ProbeConfig.defaults(List.of("http://127.0.0.1:" + app.port()))
                .withIntervals(Duration.ofMillis(500), Duration.ofSeconds(1))
                .withPluginsRoot(null));
    }

    @AfterEach
    void stop() {
        if (probe != null) probe.close();
        if (app != null) app.close();
    }

    @Test
    void theAppShowsThisHostAndThisProcessReportedByTheProbe() {
        String pid = Long.toString(ProcessHandle.current().pid());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(get("/api/probes")).contains("\"hostname\"");
            assertThat(get("/api/topology/hosts")).contains("\"shape\":\"circle\"");
            assertThat(get("/api/topology/processes?system=all&pseudo=show&unconnected=show")).contains(";" + pid + "\"");
        });
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}

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
import org.junit.jupiter.api.Test;

/** --probe.http.listen: the probe's counters and health on loopback, behind its token. */
class ProbeOpsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void exportsSpyPublishAndReportCountersBehindTheToken() throws Exception {
        try (ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0).withToken("tok"));
             ProbeOps ops = new ProbeOps();
             ScopeProbe probe = ScopeProbe.start(ProbeConfig.defaults(List.of("http://127.0.0.1:" + app.port()))
                     .withToken("tok").withIntervals(Duration.ofMillis(500), Duration.ofSeconds(1)).withPluginsRoot(null),
                     ops.metrics())) {
            int port = ops.serve("127.0.0.1:0", probe, "tok");
            assertThat(get(port, "/health", null).statusCode()).isEqualTo(200);
            assertThat(get(port, "/metrics", null).statusCode()).isEqualTo(401);
            String appAddress = "127.0.0.1:" + app.port();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(get(port, "/ready", null).statusCode()).isEqualTo(200);
                String metrics = get(port, "/metrics", "Bearer tok").body();
                assertThat(metrics)
                        .contains("scope_probe_spy_seconds_count{reporter=\"host\"}")
                        .contains("scope_probe_report_bytes_count")
                        .contains("scope_probe_publish_seconds_count{app=\"" + appAddress + "\"}")
                        .contains("jvm_memory_used_bytes");
            });
        }
    }

    private HttpResponse<String> get(int port, String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.scope.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsServerTest {
    private static final String TOKEN = "s3cret-token";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean ready = new AtomicBoolean(false);
    private OpsServer server;

    @BeforeEach
    void start() {
        Counter.builder("scope_test_things").register(metrics).increment(3);
        server = OpsServer.start("127.0.0.1", 0, metrics, TOKEN, ready::get);
    }

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void healthAndReadinessNeedNoToken() throws Exception {
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/ready", null).statusCode()).isEqualTo(503);
        ready.set(true);
        assertThat(get("/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void everythingElseNeedsTheToken() throws Exception {
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get("/debug/threads", null).statusCode()).isEqualTo(401);
        assertThat(post("/debug/jfr/start", null).statusCode()).isEqualTo(401);

        HttpResponse<byte[]> scrape = get("/metrics", "Bearer " + TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(new String(scrape.body())).contains("scope_test_things_total 3.0");
        assertThat(get("/metrics", "Scope-Probe token=" + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void threadDumpShowsWholeStacks() throws Exception {
        HttpResponse<byte[]> dump = get("/debug/threads", "Bearer " + TOKEN);
        assertThat(dump.statusCode()).isEqualTo(200);
        String text = new String(dump.body());
        assertThat(text).startsWith("Thread dump").contains("\"main\"").contains("\tat ");
    }

    @Test
    void flightRecordingStartsOnceStopsWithAFile() throws Exception {
        String auth = "Bearer " + TOKEN;
        assertThat(new String(get("/debug/jfr", auth).body())).isEqualTo("{\"running\":false}");
        assertThat(post("/debug/jfr/stop", auth).statusCode()).isEqualTo(409);
        assertThat(post("/debug/jfr/start?settings=bogus", auth).statusCode()).isEqualTo(400);
        assertThat(post("/debug/jfr/start?seconds=x", auth).statusCode()).isEqualTo(400);

        HttpResponse<byte[]> started = post("/debug/jfr/start?settings=profile&seconds=120", auth);
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(new String(started.body())).contains("\"running\":true", "\"settings\":\"profile\"");
        assertThat(post("/debug/jfr/start", auth).statusCode()).isEqualTo(409);

        HttpResponse<byte[]> file = post("/debug/jfr/stop", auth);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(file.body(), 4)).isEqualTo(new byte[] {'F', 'L', 'R', 0}); // the JFR file magic
        assertThat(new String(get("/debug/jfr", auth).body())).isEqualTo("{\"running\":false}");
    }

    @Test
    void refusesToListenBeyondLoopback() {
        assertThatThrownBy(() -> OpsServer.start("0.0.0.0", 0, metrics, TOKEN, () -> true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    private HttpResponse<byte[]> get(String path, String auth) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), auth);
    }

    private HttpResponse<byte[]> post(String path, String auth) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), auth);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b, String auth) throws Exception {
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}

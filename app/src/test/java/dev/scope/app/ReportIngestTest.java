package dev.scope.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/report with Weave Scope 1.13's own report bodies, and with bad ones. */
class ReportIngestTest {
    private static final String HOST_NODE = "vm;<host>";
    private ScopeApp app;
    private Http http;

    @BeforeEach
    void start() {
        app = ScopeApp.start(AppConfig.defaults().withPort(0).withLimits(10, 1 << 30, 1_000_000, 2_000_000));
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> postMsgpackFixture() {
        return http.post("/api/report", "application/msgpack", "gzip", Http.resource("probe-report-msgpack.gz"));
    }

    private JsonObject rawReport() {
        HttpResponse<String> r = http.get("/api/report");
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private static JsonObject hostNodes(JsonObject report) {
        return report.getJsonObject("Host").getJsonObject("nodes");
    }

    @Test
    void acceptsWeavesMsgpackGzipReportAndServesItBack() {
        assertThat(postMsgpackFixture().statusCode()).isEqualTo(200);

        JsonObject report = rawReport();
        assertThat(hostNodes(report).fieldNames()).hasSize(1);
        assertThat(report.getJsonObject("Container").getJsonObject("nodes").size()).isEqualTo(7);
    }

    @Test
    void acceptsWeavesJsonReport() {
        byte[] json = Http.gunzip(Http.resource("probe-report.json.gz"));
        assertThat(http.post("/api/report", "application/json; charset=utf-8", null, json).statusCode()).isEqualTo(200);

        assertThat(hostNodes(rawReport()).fieldNames()).hasSize(1);
    }

    @Test
    void listsTheProbeThatReported() {
        assertThat(http.get("/api/probes?sparse").body()).isEqualTo("false");
        postMsgpackFixture();
        assertThat(http.get("/api/probes?sparse").body()).isEqualTo("true");

        JsonArray probes = new JsonArray(http.get("/api/probes").body());
        assertThat(probes).hasSize(1);
        JsonObject probe = probes.getJsonObject(0);
        assertThat(probe.fieldNames()).containsExactlyInAnyOrder("id", "hostname", "version", "lastSeen");
        assertThat(probe.getString("hostname")).isEqualTo("vm");
        assertThat(probe.getString("lastSeen")).endsWith("Z");
    }

    @Test
    void rejectsGarbageBodyWith400AndKeepsTheReportsItHolds() {
        postMsgpackFixture();

        HttpResponse<String> garbage = http.post("/api/report", "application/msgpack", null, "\u00c1garbage".getBytes());
        HttpResponse<String> badJson = http.post("/api/report", "application/json", null, "{\"Host\":[1,2".getBytes());
        HttpResponse<String> badGzip = http.post("/api/report", "application/json", "gzip", "not gzip".getBytes());

        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).startsWith("cannot decode report");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badGzip.statusCode()).isEqualTo(400);
        assertThat(hostNodes(rawReport()).fieldNames()).hasSize(1);
    }

    @Test
    void rejectsAnOversizedBodyWith413() {
        HttpResponse<String> r = http.post("/api/report", "application/json", null, new byte[1_100_000]);

        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void rejectsAReportThatDecompressesBeyondTheLimitWith413() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(new byte[3_000_000]);
        }
        assertThat(out.size()).isLessThan(1_000_000);

        assertThat(http.post("/api/report", "application/json", "gzip", out.toByteArray()).statusCode()).isEqualTo(413);
    }

    @Test
    void rejectsAWrongContentTypeWith415() {
        assertThat(http.post("/api/report", "text/plain", null, "{}".getBytes()).statusCode()).isEqualTo(415);
        assertThat(http.post("/api/report", "application/json", "br", "{}".getBytes()).statusCode()).isEqualTo(415);
    }

    @Test
    void describesItselfLikeWeaveScope() {
        postMsgpackFixture();
        JsonObject weave = new JsonObject(new String(Http.resource("api.json")));

        JsonObject ours = new JsonObject(http.get("/api").body());

        assertThat(ours.fieldNames()).containsExactlyElementsOf(weave.fieldNames());
        assertThat(ours.getJsonObject("capabilities")).isEqualTo(weave.getJsonObject("capabilities"));
        assertThat(ours.getString("id")).isEqualTo(app.id());
        assertThat(ours.getJsonArray("plugins")).isEmpty();
    }

    @Test
    void gzipsLargeAnswersOnlyWhenAsked() {
        postMsgpackFixture();

        HttpResponse<byte[]> zipped = http.sendBytes(http.request("/api/report").header("Accept-Encoding", "gzip").build());
        HttpResponse<byte[]> plain = http.sendBytes(http.request("/api/report").build());
        HttpResponse<byte[]> small = http.sendBytes(http.request("/api").header("Accept-Encoding", "gzip").build());

        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new JsonObject(new String(Http.gunzip(zipped.body())))).isEqualTo(new JsonObject(new String(plain.body())));
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(small.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
    }

    @Test
    void reportsWhatItHoldsOnMetrics() {
        postMsgpackFixture();

        String metrics = http.get("/metrics").body();

        assertThat(metrics).contains("scope_app_probes 1.0", "scope_app_reports_held 1.0",
                "scope_app_reports_received_total{result=\"accepted\"} 1.0");
        assertThat(metrics).containsPattern("scope_app_report_bytes_held [1-9]");
    }

    @Test
    void refusesReportsFromMoreProbesThanItHolds() {
        try (ScopeApp small = ScopeApp.start(AppConfig.defaults().withPort(0).withLimits(1, 1 << 30, 1 << 20, 1 << 22))) {
            Http h = new Http(small.port());
            byte[] body = Http.resource("probe-report-msgpack.gz");
            assertThat(h.post("/api/report", "application/msgpack", "gzip", body).statusCode()).isEqualTo(200);
            HttpResponse<String> second = h.send(h.request("/api/report").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/msgpack").header("Content-Encoding", "gzip")
                    .header("X-Scope-Probe-ID", "probe-2").build());
            assertThat(second.statusCode()).isEqualTo(429);
        }
    }
}

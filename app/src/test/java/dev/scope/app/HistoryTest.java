package dev.scope.app;

import dev.scope.report.codec.GoTime;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports kept on disk answer ?timestamp= after they left the live window. */
class HistoryTest {
    private static final byte[] REPORT = Http.resource("probe-report-msgpack.gz");

    private static long fileCount(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void answersThePastAfterTheLiveWindowMovedOn(@TempDir Path dir) throws Exception {
        AppConfig config = AppConfig.defaults().withPort(0).withWindow(Duration.ofMillis(1500))
                .withHistory(dir, Duration.ofHours(1));
        try (ScopeApp app = ScopeApp.start(config)) {
            Http http = new Http(app.port());
            assertThat(new JsonObject(http.get("/api").body()).getJsonObject("capabilities").getBoolean("historic_reports")).isTrue();

            assertThat(http.post("/api/report", "application/msgpack", "gzip", REPORT).statusCode()).isEqualTo(200);
            String whenItWasThere = GoTime.formatRfc3339Nano(WallClock.nanos() + 100_000_000L);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (fileCount(dir) == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(1700); // the live window (1.5 s) forgets the report

            assertThat(new JsonObject(http.get("/api/report").body()).getJsonObject("Host").getJsonObject("nodes", new JsonObject())).isEmpty();
            JsonObject past = new JsonObject(http.get("/api/report?timestamp=" + whenItWasThere).body());
            assertThat(past.getJsonObject("Host").getJsonObject("nodes").fieldNames()).containsExactly("vm;<host>");
            assertThat(http.get("/api/topology/hosts?timestamp=" + whenItWasThere).body()).contains("vm;<host>");
            assertThat(http.get("/api/topology/hosts?timestamp=yesterday").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void deletesReportsOlderThanTheRetention(@TempDir Path dir) throws Exception {
        AppConfig config = AppConfig.defaults().withPort(0).withHistory(dir, Duration.ofMillis(800));
        try (ScopeApp app = ScopeApp.start(config)) {
            Http http = new Http(app.port());
            assertThat(http.post("/api/report", "application/msgpack", "gzip", REPORT).statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (fileCount(dir) == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(fileCount(dir)).isEqualTo(1);

            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (fileCount(dir) > 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(fileCount(dir)).isZero();
        }
    }

    @Test
    void keepsWithinItsDiskBoundByDroppingTheOldestReports(@TempDir Path dir) throws Exception {
        long size = REPORT.length;
        ReportHistory history = new ReportHistory(dir, Duration.ofHours(24), 3 * size + size / 2,
                Duration.ofSeconds(15), dev.scope.report.codec.DecodeLimits.defaults());
        long hour = Duration.ofHours(1).toNanos();
        long t0 = 1_700_000_000_000_000_000L;
        for (int i = 0; i < 5; i++) {
            history.record(t0 + i * hour / 2, dev.scope.report.codec.WireFormat.MSGPACK, REPORT);
        }
        assertThat(fileCount(dir)).isEqualTo(5);

        assertThat(history.prune(t0 + 3 * hour)).isEqualTo(2);

        assertThat(fileCount(dir)).isEqualTo(3);
        assertThat(history.at(t0 + 1).nodeCount()).isZero();
        assertThat(history.at(t0 + 4 * hour / 2 + 1).nodeCount()).isPositive();
    }

    @Test
    void isOffByDefault() {
        try (ScopeApp app = ScopeApp.start(AppConfig.defaults().withPort(0))) {
            JsonObject api = new JsonObject(new Http(app.port()).get("/api").body());
            assertThat(api.getJsonObject("capabilities").getBoolean("historic_reports")).isFalse();
        }
    }
}

package dev.scope.service.collection;

import dev.scope.report.Report;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;
import dev.scope.service.db.Database;
import dev.scope.service.testing.TestHttp;
import dev.scope.service.testing.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each report is stored once however often, and on however many collection replicas, a probe sends it: two
 * collection components on one real PostgreSQL stand for two replicas.
 */
class ReportDedupTest {
    private static Vertx vertx;
    private static Database db;
    private static final List<MeterRegistry> registries = new ArrayList<>();
    private static final List<CollectionComponent> replicas = new ArrayList<>();
    private static TestHttp a;
    private static TestHttp b;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        db = Database.connect(TestPostgres.freshDatabase("dedup-test"));
        for (int i = 0; i < 2; i++) {
            MeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registries.add(metrics);
            replicas.add(CollectionComponent.start(vertx, db, metrics,
                    new CollectionSettings("127.0.0.1", 0, 1 << 20, 4 << 20, Duration.ofDays(7))));
        }
        a = new TestHttp(replicas.get(0).port());
        b = new TestHttp(replicas.get(1).port());
    }

    @AfterAll
    static void stop() {
        replicas.forEach(CollectionComponent::close);
        db.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aRepeatIsAnswered200AndNotStoredAgain() throws Exception {
        byte[] body = msgpack(report("4242"));
        double before = duplicates();
        assertThat(post(a, "org-twice", "probe-1", body).statusCode()).isEqualTo(200);
        assertThat(post(a, "org-twice", "probe-1", body).statusCode()).isEqualTo(200);
        // The retry that matters: the first replica committed, its answer was lost, the probe tries the other one.
        assertThat(post(b, "org-twice", "probe-1", body).statusCode()).isEqualTo(200);
        assertThat(rows("org-twice")).isEqualTo(1);
        assertThat(duplicates() - before).isEqualTo(2);
        assertThat(scrape(0)).contains("scope_collection_reports_total{result=\"duplicate\"}");
    }

    @Test
    void theSameReportOnTwoReplicasAtOnceIsStoredOnce() throws Exception {
        int reports = 20;
        double before = duplicates();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < reports; i++) {
                byte[] body = msgpack(report("race-" + i));
                CyclicBarrier together = new CyclicBarrier(2);
                List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
                for (TestHttp replica : List.of(a, b)) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        arrive(together);
                        return post(replica, "org-race", "probe-1", body);
                    }, threads));
                }
                for (var answer : answers) assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
        assertThat(rows("org-race")).isEqualTo(reports);
        assertThat(duplicates() - before).isEqualTo(reports);
    }

    @Test
    void aSecondAttemptWaitsForTheFirstAndFollowsItsOutcome() throws Exception {
        ReportStore store = new ReportStore(db.dataSource(), new ReportPartitions(db.dataSource()));
        for (boolean firstCommits : new boolean[]{true, false}) {
            String org = "org-overlap-" + firstCommits;
            // The first attempt, on "another replica", has written its receipt and row but not committed yet.
            try (Connection first = db.dataSource().getConnection()) {
                first.setAutoCommit(false);
                try (PreparedStatement st = first.prepareStatement("INSERT INTO report_receipts (key) VALUES (?)")) {
                    st.setBytes(1, ReportReceipts.key(org, "probe-1", "777"));
                    st.executeUpdate();
                }
                try (PreparedStatement st = first.prepareStatement(
                        "INSERT INTO reports (org_id, probe_id, plain_bytes, body) VALUES (?, 'probe-1', 1, '\\x00')")) {
                    st.setString(1, org);
                    st.executeUpdate();
                }
                CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
                    try {
                        return store.store(org, "probe-1", "777", false, 1, new byte[]{0});
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                await().atMost(Duration.ofSeconds(60)).until(() -> waitingOnALock() || second.isDone());
                assertThat(second).as("the second attempt must wait for the first").isNotDone();
                if (firstCommits) first.commit();
                else first.rollback();
                assertThat(second.get(60, TimeUnit.SECONDS)).as("stored by the second attempt").isEqualTo(!firstCommits);
            }
            assertThat(rows(org)).isEqualTo(1);
        }
    }

    @Test
    void theSameIdFromAnotherOrganisationOrProbeIsAnotherReport() throws Exception {
        byte[] body = msgpack(report("1234"));
        double before = duplicates();
        assertThat(post(a, "org-one", "probe-1", body).statusCode()).isEqualTo(200);
        assertThat(post(b, "org-two", "probe-1", body).statusCode()).isEqualTo(200);
        assertThat(post(a, "org-two", "probe-2", body).statusCode()).isEqualTo(200);
        assertThat(rows("org-one")).isEqualTo(1);
        assertThat(rows("org-two")).isEqualTo(2);
        assertThat(duplicates() - before).isZero();
    }

    @Test
    void reportsWithoutIdAreStoredEachTime() throws Exception {
        double before = duplicates();
        byte[] emptyId = msgpack(report(""));
        // JSON without an "ID" key at all, as a probe that never set one would send.
        byte[] noId = "{\"Host\":{\"nodes\":{}}}".getBytes();
        for (int i = 0; i < 2; i++) {
            assertThat(post(a, "org-no-id", "probe-1", emptyId).statusCode()).isEqualTo(200);
            HttpResponse<String> json = a.post("/api/report", noId, "X-Scope-OrgID", "org-no-id", "X-Scope-Probe-ID", "probe-1",
                    "Content-Type", "application/json");
            assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        }
        assertThat(rows("org-no-id")).isEqualTo(4);
        assertThat(duplicates() - before).isZero();
    }

    @Test
    void shortcutReportsFollowTheSameRule() throws Exception {
        byte[] body = msgpack(report("9001").toBuilder().shortcut(true).build());
        assertThat(post(a, "org-shortcut", "probe-1", body).statusCode()).isEqualTo(200);
        assertThat(post(b, "org-shortcut", "probe-1", body).statusCode()).isEqualTo(200);
        assertThat(rows("org-shortcut")).isEqualTo(1);
    }

    @Test
    void aRepeatPastTheWindowIsStoredAndExpiredReceiptsAreDeleted() throws Exception {
        byte[] old = msgpack(report("old"));
        byte[] recent = msgpack(report("recent"));
        assertThat(post(a, "org-window", "probe-1", old).statusCode()).isEqualTo(200);
        assertThat(post(a, "org-window", "probe-1", recent).statusCode()).isEqualTo(200);
        age("org-window", "old", ReportReceipts.WINDOW.plusMinutes(1));
        assertThat(post(b, "org-window", "probe-1", old).statusCode()).isEqualTo(200);
        assertThat(rows("org-window")).isEqualTo(3);

        age("org-window", "old", ReportReceipts.WINDOW.plusMinutes(1));
        assertThat(new ReportReceipts(db.dataSource()).deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(receipt("org-window", "old")).isFalse();
        assertThat(receipt("org-window", "recent")).isTrue();
        assertThat(post(b, "org-window", "probe-1", recent).statusCode()).isEqualTo(200);
        assertThat(rows("org-window")).isEqualTo(3);
    }

    @Test
    void aMissingDayPartitionIsMadeAndTheReceiptKept() throws Exception {
        // No partition at all yet: the first attempt fails as a whole (its receipt too), the second finds today's.
        try (Database empty = Database.connect(TestPostgres.freshDatabase("dedup-no-partition"))) {
            ReportStore store = new ReportStore(empty.dataSource(), new ReportPartitions(empty.dataSource()));
            assertThat(store.store("org", "probe-1", "1", false, 1, new byte[]{0})).isTrue();
            assertThat(store.store("org", "probe-1", "1", false, 1, new byte[]{0})).isFalse();
            assertThat(store.store("org", "probe-1", "", false, 1, new byte[]{0})).isTrue();
        }
    }

    @Test
    void keysTellTheirPartsApart() {
        assertThat(ReportReceipts.key("ab", "c", "1")).isNotEqualTo(ReportReceipts.key("a", "bc", "1"))
                .isEqualTo(ReportReceipts.key("ab", "c", "1")).hasSize(32);
    }

    private static Report report(String id) {
        return Report.standard(id, Instant.now().toEpochMilli() * 1_000_000L);
    }

    private static byte[] msgpack(Report r) {
        return ReportCodec.encode(r, WireFormat.MSGPACK, true);
    }

    private static HttpResponse<String> post(TestHttp replica, String org, String probe, byte[] body) {
        return replica.post("/api/report", body, "X-Scope-OrgID", org, "X-Scope-Probe-ID", probe,
                "Content-Type", "application/msgpack", "Content-Encoding", "gzip");
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double duplicates() {
        double n = 0;
        for (MeterRegistry r : registries) {
            Counter c = r.find("scope_collection_reports").tag("result", "duplicate").counter();
            if (c != null) n += c.count();
        }
        return n;
    }

    private static String scrape(int replica) {
        return ((PrometheusMeterRegistry) registries.get(replica)).scrape();
    }

    private static long rows(String org) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM reports WHERE org_id = ?")) {
            st.setString(1, org);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void age(String org, String reportId, Duration by) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE report_receipts SET received_at = received_at - ? * interval '1 second' WHERE key = ?")) {
            st.setLong(1, by.toSeconds());
            st.setBytes(2, ReportReceipts.key(org, "probe-1", reportId));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    private static boolean receipt(String org, String reportId) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT 1 FROM report_receipts WHERE key = ?")) {
            st.setBytes(1, ReportReceipts.key(org, "probe-1", reportId));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean waitingOnALock() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     + "AND wait_event_type = 'Lock' AND query LIKE '%report_receipts%'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}

package dev.scope.service.collection;

import dev.scope.service.db.Database;
import dev.scope.service.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Day partitions are made ahead of the clock, and whole days past retention are dropped with their rows. */
class ReportPartitionsTest {
    @Test
    void makesDaysAheadAndDropsDaysPastRetention() throws Exception {
        try (Database db = Database.connect(TestPostgres.freshDatabase("partitions-test"))) {
            ReportPartitions partitions = new ReportPartitions(db.dataSource());
            Instant now = Instant.parse("2026-11-23T10:00:00Z");
            partitions.ensure(now);
            partitions.ensure(now); // twice is harmless (several replicas do it)
            partitions.ensureDay(LocalDate.of(2026, 11, 10));
            partitions.ensureDay(LocalDate.of(2026, 11, 16));
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO reports (org_id, probe_id, received_at, plain_bytes, body) "
                        + "VALUES ('o', 'p', '2026-11-10 12:00:00+00', 1, '\\x00'), ('o', 'p', '2026-11-23 09:00:00+00', 1, '\\x00')");
            }
            assertThat(partitions.dropOlderThan(now, Duration.ofDays(7))).containsExactly("reports_20261110");
            assertThat(names(db)).containsExactlyInAnyOrder("reports_20261116", "reports_20261123", "reports_20261124", "reports_20261125");
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM reports")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            assertThat(LocalDate.ofInstant(now, ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 11, 23));
        }
    }

    private static List<String> names(Database db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                     + "WHERE i.inhparent = 'reports'::regclass")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}

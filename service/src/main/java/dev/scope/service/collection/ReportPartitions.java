package dev.scope.service.collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The day partitions of {@code reports} (UTC days, named {@code reports_yyyymmdd}): created a few days ahead so
 * inserts always find one, and dropped once a whole day is older than the retention. Several replicas may run
 * this at once; creating or dropping what another just did is harmless.
 */
final class ReportPartitions {
    private static final Logger log = LoggerFactory.getLogger(ReportPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int DAYS_AHEAD = 2;

    private final DataSource db;

    ReportPartitions(DataSource db) {
        this.db = db;
    }

    /** Makes sure the partitions from {@code now}'s day to a few days ahead exist. */
    void ensure(Instant now) throws SQLException {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int i = 0; i <= DAYS_AHEAD; i++) ensureDay(today.plusDays(i));
    }

    void ensureDay(LocalDate day) throws SQLException {
        String sql = "CREATE TABLE IF NOT EXISTS reports_" + day.format(NAME) + " PARTITION OF reports FOR VALUES FROM ('"
                + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')";
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            // 42P07: another replica created it between our check and our create.
            if (!"42P07".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) throw e;
        }
    }

    /** Drops day partitions that end before {@code now - retention}; returns the names dropped. */
    List<String> dropOlderThan(Instant now, Duration retention) throws SQLException {
        LocalDate oldestKept = LocalDate.ofInstant(now.minus(retention), ZoneOffset.UTC);
        List<String> dropped = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                    + "WHERE i.inhparent = 'reports'::regclass")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            for (String name : names) {
                LocalDate day = dayOf(name);
                if (day == null || !day.isBefore(oldestKept)) continue; // the whole day ended before the cut-off
                st.execute("DROP TABLE IF EXISTS " + name);
                dropped.add(name);
            }
        }
        if (!dropped.isEmpty()) log.info("dropped report partitions past retention {}: {}", retention, dropped);
        return dropped;
    }

    private static LocalDate dayOf(String partition) {
        if (!partition.matches("reports_\\d{8}")) return null;
        return LocalDate.parse(partition.substring("reports_".length()), NAME);
    }
}

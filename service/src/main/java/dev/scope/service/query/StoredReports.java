package dev.scope.service.query;

import dev.scope.report.Report;
import dev.scope.report.codec.DecodeLimits;
import dev.scope.report.codec.ReportCodec;
import dev.scope.report.codec.WireFormat;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads report rows of one organisation. Every method is blocking and keyed by the organisation's internal id. */
final class StoredReports {
    /** One decoded row. */
    record Row(long id, String probeId, Instant receivedAt, Report report) {
    }

    /** The rows not yet known, and the database's clock when they were read. */
    record Fresh(Instant dbNow, List<Row> rows) {
    }

    private final DataSource db;
    private final DecodeLimits limits;

    StoredReports(DataSource db) {
        this.db = db;
        this.limits = DecodeLimits.defaults();
    }

    /** Rows received within {@code window} of the database's clock whose ids are not in {@code known}. */
    Fresh recent(String orgId, Duration window, Collection<Long> known) throws SQLException {
        try (Connection c = db.getConnection()) {
            Instant now;
            try (PreparedStatement st = c.prepareStatement("SELECT clock_timestamp()");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                now = rs.getTimestamp(1).toInstant();
            }
            Array ids = c.createArrayOf("bigint", known.toArray());
            try (PreparedStatement st = c.prepareStatement("SELECT id, probe_id, received_at, body FROM reports "
                    + "WHERE org_id = ? AND received_at > ? AND NOT (id = ANY (?)) ORDER BY id")) {
                st.setString(1, orgId);
                st.setTimestamp(2, Timestamp.from(now.minus(window)));
                st.setArray(3, ids);
                return new Fresh(now, read(st));
            }
        }
    }

    /** The merge of the rows received in {@code (at - window, at]}. */
    Report between(String orgId, Instant at, Duration window) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT id, probe_id, received_at, body FROM reports "
                     + "WHERE org_id = ? AND received_at > ? AND received_at <= ? ORDER BY id")) {
            st.setString(1, orgId);
            st.setTimestamp(2, Timestamp.from(at.minus(window)));
            st.setTimestamp(3, Timestamp.from(at));
            Report merged = Report.empty();
            for (Row r : read(st)) merged = merged.merge(r.report());
            return merged;
        }
    }

    private List<Row> read(PreparedStatement st) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            ReportCodec.decode(rs.getBytes(4), WireFormat.MSGPACK, true, limits)));
                } catch (java.io.IOException e) {
                    // Collection decoded it before storing; a row we cannot read is skipped, not fatal.
                    org.slf4j.LoggerFactory.getLogger(StoredReports.class).warn("skipping unreadable report row {}: {}", rs.getLong(1), e.getMessage());
                }
            }
        }
        return out;
    }
}

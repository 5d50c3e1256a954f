package dev.scope.service.collection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes a report row and tells query replicas about it in the same transaction: PostgreSQL delivers a
 * {@code NOTIFY} only when its transaction commits, so a listener never looks for a row it cannot see yet, and a
 * report is acknowledged only once it is durable.
 */
public final class ReportStore {
    /**
     * The channel query replicas LISTEN on. The payload is the organisation's internal id, followed by
     * {@link #SHORTCUT_SUFFIX} for a shortcut report (one viewers should see at once, not at their next tick).
     */
    public static final String CHANNEL = "scope_reports";
    public static final String SHORTCUT_SUFFIX = "\tshortcut";
    private static final String NO_PARTITION = "23514"; // "no partition of relation found for row"

    private final DataSource db;
    private final ReportPartitions partitions;

    ReportStore(DataSource db, ReportPartitions partitions) {
        this.db = db;
        this.partitions = partitions;
    }

    /** Stores and commits; returns the row's id. Blocking. */
    long store(String orgId, String probeId, boolean shortcut, int plainBytes, byte[] gzippedMsgpack) throws SQLException {
        try {
            return insert(orgId, probeId, shortcut, plainBytes, gzippedMsgpack);
        } catch (SQLException e) {
            if (!NO_PARTITION.equals(e.getSQLState())) throw e;
            partitions.ensure(Instant.now()); // the clock moved past the partitions made ahead: make today's
            return insert(orgId, probeId, shortcut, plainBytes, gzippedMsgpack);
        }
    }

    private long insert(String orgId, String probeId, boolean shortcut, int plainBytes, byte[] body) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO reports (org_id, probe_id, shortcut, plain_bytes, body) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                    st.setString(1, orgId);
                    st.setString(2, probeId);
                    st.setBoolean(3, shortcut);
                    st.setInt(4, plainBytes);
                    st.setBytes(5, body);
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement st = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                    st.setString(1, shortcut ? orgId + SHORTCUT_SUFFIX : orgId);
                    st.execute();
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}

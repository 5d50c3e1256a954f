package dev.scope.service.collection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes a report row and tells query replicas about it in the same transaction: PostgreSQL delivers a
 * {@code NOTIFY} only when its transaction commits, so a listener never looks for a row it cannot see yet, and a
 * report is acknowledged only once it is durable. A report with an id is stored at most once per
 * {@link ReportReceipts#WINDOW}: its receipt, the row and the notification are one statement, one transaction.
 */
public final class ReportStore {
    /**
     * The channel query replicas LISTEN on. The payload is the organisation's internal id, followed by
     * {@link #SHORTCUT_SUFFIX} for a shortcut report (one viewers should see at once, not at their next tick).
     */
    public static final String CHANNEL = "scope_reports";
    public static final String SHORTCUT_SUFFIX = "\tshortcut";
    private static final String NO_PARTITION = "23514"; // "no partition of relation found for row"

    /** A report without id (none in practice: Weave Scope 1.13 and our probes always set one): stored every time. */
    private static final String INSERT = "WITH stored AS ("
            + "INSERT INTO reports (org_id, probe_id, shortcut, plain_bytes, body) VALUES (?, ?, ?, ?, ?) RETURNING id) "
            + "SELECT id, pg_notify('" + CHANNEL + "', ?) FROM stored";
    /**
     * The receipt first: when another transaction holds the same key uncommitted (the same report arriving on
     * another replica at the same moment), PostgreSQL makes this insert wait for it, then either finds its
     * committed receipt (no row comes back: a duplicate) or, if it rolled back, inserts. A receipt older than
     * the window is taken over (DO UPDATE ... WHERE expired) as if it were not there. The report row and the
     * NOTIFY follow only when the receipt is ours.
     */
    private static final String INSERT_ONCE = "WITH receipt AS ("
            + "INSERT INTO report_receipts AS r (key) VALUES (?) ON CONFLICT (key) DO UPDATE SET received_at = clock_timestamp() "
            + "WHERE " + ReportReceipts.expired("r.received_at") + " RETURNING 1), "
            + "stored AS (INSERT INTO reports (org_id, probe_id, shortcut, plain_bytes, body) "
            + "SELECT ?::text, ?::text, ?::boolean, ?::integer, ?::bytea WHERE EXISTS (SELECT 1 FROM receipt) RETURNING id) "
            + "SELECT id, pg_notify('" + CHANNEL + "', ?) FROM stored";

    private final DataSource db;
    private final ReportPartitions partitions;

    ReportStore(DataSource db, ReportPartitions partitions) {
        this.db = db;
        this.partitions = partitions;
    }

    /**
     * Stores and commits, unless the same report (organisation, probe, non-empty {@code reportId}) was stored
     * within the dedup window. Returns true when stored now, false for such a repeat. Blocking.
     */
    boolean store(String orgId, String probeId, String reportId, boolean shortcut, int plainBytes, byte[] gzippedMsgpack)
            throws SQLException {
        byte[] key = reportId == null || reportId.isEmpty() ? null : ReportReceipts.key(orgId, probeId, reportId);
        try {
            return insert(key, orgId, probeId, shortcut, plainBytes, gzippedMsgpack);
        } catch (SQLException e) {
            if (!NO_PARTITION.equals(e.getSQLState())) throw e;
            partitions.ensure(Instant.now()); // the clock moved past the partitions made ahead: make today's
            return insert(key, orgId, probeId, shortcut, plainBytes, gzippedMsgpack);
        }
    }

    /** One statement on an auto-commit connection: one round trip, and its receipt, row and NOTIFY commit together. */
    private boolean insert(byte[] key, String orgId, String probeId, boolean shortcut, int plainBytes, byte[] body) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(key == null ? INSERT : INSERT_ONCE)) {
            int i = 1;
            if (key != null) st.setBytes(i++, key);
            st.setString(i++, orgId);
            st.setString(i++, probeId);
            st.setBoolean(i++, shortcut);
            st.setInt(i++, plainBytes);
            st.setBytes(i++, body);
            st.setString(i, shortcut ? orgId + SHORTCUT_SUFFIX : orgId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}

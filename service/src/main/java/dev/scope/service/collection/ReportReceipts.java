package dev.scope.service.collection;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The receipts that make storing a report idempotent ({@code report_receipts}, V2_8): a report's key is its
 * organisation, its probe's id and its own id (Weave Scope probes give every report a random 63-bit id, ours
 * too); a second report with the same key within {@link #WINDOW} of the first is a retry and is not stored again.
 */
final class ReportReceipts {
    /**
     * 10 minutes: far longer than any retry of one report. A probe's HTTP attempt gives up after 10 s, a simulated
     * probe tries every replica twice (4 x 10 s with two replicas), a probe's back-off tops out at 60 s, and a
     * report older than the 15 s live window matters only to time travel by then. Long enough to also cover a
     * load balancer or proxy that repeats a POST, short enough that the table holds only minutes of receipts.
     */
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final DataSource db;

    ReportReceipts(DataSource db) {
        this.db = db;
    }

    /**
     * SHA-256 of the three parts, each length-prefixed so that no two different triples give the same input.
     * Hashing bounds the key at 32 bytes whatever a probe sends (a btree entry cannot exceed ~2.7 kB).
     */
    static byte[] key(String orgId, String probeId, String reportId) {
        byte[][] parts = {utf8(orgId), utf8(probeId), utf8(reportId)};
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (byte[] part : parts) {
            sha.update(ByteBuffer.allocate(4).putInt(part.length).array());
            sha.update(part);
        }
        return sha.digest();
    }

    /** The SQL condition under which an existing receipt no longer counts (the database's clock, as received_at). */
    static String expired(String column) {
        return column + " < clock_timestamp() - interval '" + WINDOW.toSeconds() + " seconds'";
    }

    /** Deletes receipts past the window; several replicas may run it at once. Returns how many went. */
    int deleteExpired() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate("DELETE FROM report_receipts WHERE " + expired("received_at"));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.scope.service.pipe;

import dev.scope.app.Pipe;
import dev.scope.service.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code pipe_ends} and {@code closed_pipes}: where each end of a pipe is, and which pipes are closed. Blocking. */
final class PipeStore {
    enum EndKind {
        UI("ui"), PROBE("probe");

        final String wire;

        EndKind(String wire) {
            this.wire = wire;
        }

        /** The app's name for this end. */
        Pipe.End pipeEnd() {
            return this == UI ? Pipe.End.UI : Pipe.End.PROBE;
        }

        EndKind other() {
            return this == UI ? PROBE : UI;
        }
    }

    private final Database database;

    PipeStore(Database database) {
        this.database = database;
    }

    boolean isClosed(String org, String pipe) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT 1 FROM closed_pipes WHERE org_id = ? AND pipe_id = ?")) {
            st.setString(1, org);
            st.setString(2, pipe);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Records that an end is connected here (a newer connection of the same end replaces the older one). */
    void recordEnd(String org, String pipe, EndKind end, String replicaId, String connectionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("""
                     INSERT INTO pipe_ends (org_id, pipe_id, end_kind, replica_id, connection_id) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (org_id, pipe_id, end_kind) DO UPDATE
                     SET replica_id = excluded.replica_id, connection_id = excluded.connection_id, connected_at = now()""")) {
            st.setString(1, org);
            st.setString(2, pipe);
            st.setString(3, end.wire);
            st.setString(4, replicaId);
            st.setString(5, connectionId);
            st.executeUpdate();
        }
    }

    /** The internal URL of the live replica, other than ours, holding that end, if any. */
    Optional<String> endElsewhere(String org, String pipe, EndKind end, String ourReplicaId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT r.internal_url FROM pipe_ends e JOIN service_replicas r ON r.replica_id = e.replica_id
                     WHERE e.org_id = ? AND e.pipe_id = ? AND e.end_kind = ? AND e.replica_id <> ? AND r.expires_at > now()""")) {
            st.setString(1, org);
            st.setString(2, pipe);
            st.setString(3, end.wire);
            st.setString(4, ourReplicaId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The internal URLs of the other live replicas holding either end of the pipe. */
    List<String> replicasElsewhere(String org, String pipe, String ourReplicaId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT DISTINCT r.internal_url FROM pipe_ends e JOIN service_replicas r ON r.replica_id = e.replica_id
                     WHERE e.org_id = ? AND e.pipe_id = ? AND e.replica_id <> ? AND r.expires_at > now()""")) {
            st.setString(1, org);
            st.setString(2, pipe);
            st.setString(3, ourReplicaId);
            List<String> urls = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) urls.add(rs.getString(1));
            }
            return urls;
        }
    }

    /** Marks the pipe closed for every replica and forgets the ends this replica held. */
    void closed(String org, String pipe, String ourReplicaId) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO closed_pipes (org_id, pipe_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                st.setString(1, org);
                st.setString(2, pipe);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM pipe_ends WHERE org_id = ? AND pipe_id = ? AND replica_id = ?")) {
                st.setString(1, org);
                st.setString(2, pipe);
                st.setString(3, ourReplicaId);
                st.executeUpdate();
            }
        }
    }

    /** Forgets closed pipes older than {@code age} (Weave Scope remembers them for ten idle periods). */
    void pruneClosed(Duration age) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM closed_pipes WHERE closed_at < now() - ?::interval")) {
            st.setString(1, age.toMillis() + " milliseconds");
            st.executeUpdate();
        }
    }
}

package dev.scope.service.control;

import dev.scope.service.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** {@code control_routes}: which live replica holds an organisation's probe's control websocket. Blocking calls. */
final class ControlRouteStore {
    /** Where a probe's connection is: the replica's id and the URL other replicas forward to. */
    record Route(String replicaId, String connectionId, String internalUrl) {
    }

    private final Database database;

    ControlRouteStore(Database database) {
        this.database = database;
    }

    /** Records a new connection; it replaces whatever was recorded for the probe (the newest wins). */
    void record(String org, String probe, String replicaId, String connectionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("""
                     INSERT INTO control_routes (org_id, probe_id, replica_id, connection_id) VALUES (?, ?, ?, ?)
                     ON CONFLICT (org_id, probe_id) DO UPDATE
                     SET replica_id = excluded.replica_id, connection_id = excluded.connection_id, connected_at = now()""")) {
            st.setString(1, org);
            st.setString(2, probe);
            st.setString(3, replicaId);
            st.setString(4, connectionId);
            st.executeUpdate();
        }
    }

    /** Removes the route only if it is still this connection's (a newer one elsewhere keeps its route). */
    void forget(String org, String probe, String connectionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement(
                     "DELETE FROM control_routes WHERE org_id = ? AND probe_id = ? AND connection_id = ?")) {
            st.setString(1, org);
            st.setString(2, probe);
            st.setString(3, connectionId);
            st.executeUpdate();
        }
    }

    /** The route, if the probe is connected to a replica that is alive. */
    Optional<Route> lookup(String org, String probe) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT r.replica_id, c.connection_id, r.internal_url
                     FROM control_routes c JOIN service_replicas r ON r.replica_id = c.replica_id
                     WHERE c.org_id = ? AND c.probe_id = ? AND r.expires_at > now()""")) {
            st.setString(1, org);
            st.setString(2, probe);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new Route(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        }
    }
}

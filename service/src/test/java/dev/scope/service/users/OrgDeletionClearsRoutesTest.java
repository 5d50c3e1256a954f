package dev.scope.service.users;

import dev.scope.service.db.Database;
import dev.scope.service.users.Records.Org;
import dev.scope.service.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting an organisation removes its control routes, pipe ends and pipe tombstones (V2_7 trigger), not others'. */
class OrgDeletionClearsRoutesTest {
    @Test
    void deletingAnOrganisationRemovesItsRoutingRowsOnly() throws Exception {
        try (Database db = Database.connect(TestPostgres.freshDatabase("org-delete"));
             Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            UUID creator = UserStore.findOrCreate(c, "admin@example.com", true, false).id();
            Org doomed = OrgStore.create(c, "doomed", creator);
            Org kept = OrgStore.create(c, "kept", creator);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO service_replicas (replica_id, kind, internal_url, expires_at) "
                        + "VALUES ('r1', 'control', 'http://127.0.0.1:1', now() + interval '1 hour')");
                for (Org org : new Org[] {doomed, kept}) {
                    String id = org.id().toString();
                    st.execute("INSERT INTO control_routes (org_id, probe_id, replica_id, connection_id) VALUES ('" + id + "', 'p', 'r1', 'c')");
                    st.execute("INSERT INTO pipe_ends (org_id, pipe_id, end_kind, replica_id, connection_id) VALUES ('" + id + "', 'x', 'ui', 'r1', 'c')");
                    st.execute("INSERT INTO closed_pipes (org_id, pipe_id) VALUES ('" + id + "', 'y')");
                }
            }
            assertThat(OrgStore.delete(c, doomed.id())).isTrue();
            c.commit();
            for (String table : new String[] {"control_routes", "pipe_ends", "closed_pipes"}) {
                assertThat(count(c, table, doomed.id())).as(table + " of the deleted organisation").isZero();
                assertThat(count(c, table, kept.id())).as(table + " of another organisation").isOne();
            }
        }
    }

    private static long count(Connection c, String table, UUID org) throws Exception {
        try (var ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE org_id = ?")) {
            ps.setString(1, org.toString());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

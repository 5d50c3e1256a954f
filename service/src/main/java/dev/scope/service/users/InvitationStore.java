package dev.scope.service.users;

import dev.scope.service.auth.Role;
import dev.scope.service.users.Records.Invitation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Rows of {@code invitations}: an address invited into an organisation with a role, until they log in. */
final class InvitationStore {
    private InvitationStore() {
    }

    /** Invites (or re-invites with the new role) the address. */
    static void invite(Connection c, UUID orgId, String email, Role role, UUID by) throws SQLException {
        Sql.update(c, "INSERT INTO invitations (org_id, email_key, role, invited_by) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (org_id, email_key) DO UPDATE SET role = excluded.role, "
                        + "invited_by = excluded.invited_by, created_at = now(), accepted_at = NULL",
                orgId, UserStore.key(email), role.wireName(), by);
    }

    static List<Invitation> pending(Connection c, UUID orgId) throws SQLException {
        return Sql.list(c, "SELECT id, email_key, role, created_at FROM invitations "
                        + "WHERE org_id = ? AND accepted_at IS NULL ORDER BY created_at",
                rs -> new Invitation(rs.getObject("id", UUID.class), rs.getString("email_key"),
                        Role.fromWireName(rs.getString("role")), Sql.instant(rs, "created_at")), orgId);
    }

    static boolean revoke(Connection c, UUID orgId, UUID id) throws SQLException {
        return Sql.update(c, "DELETE FROM invitations WHERE org_id = ? AND id = ? AND accepted_at IS NULL", orgId, id) == 1;
    }

    /** Turns the user's pending invitations into memberships (an existing membership keeps its role). */
    static void accept(Connection c, UUID userId, String email) throws SQLException {
        Sql.update(c, "INSERT INTO memberships (org_id, user_id, role) SELECT org_id, ?, role FROM invitations "
                + "WHERE email_key = ? AND accepted_at IS NULL ON CONFLICT (org_id, user_id) DO NOTHING", userId, UserStore.key(email));
        Sql.update(c, "UPDATE invitations SET accepted_at = now() WHERE email_key = ? AND accepted_at IS NULL",
                UserStore.key(email));
    }
}

package dev.scope.service.users;

import dev.scope.service.auth.Role;
import dev.scope.service.users.Records.Member;
import dev.scope.service.users.Records.Membership;
import dev.scope.service.users.Records.Org;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code organisations} and {@code memberships}. */
final class OrgStore {
    private static final int ID_ATTEMPTS = 20;

    private OrgStore() {
    }

    /** A new organisation with a fresh external id (retried on a clash) and its creator as admin. */
    static Org create(Connection c, String name, UUID creator) throws SQLException {
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            Savepoint before = c.setSavepoint();
            try {
                Org org = Sql.one(c, "INSERT INTO organisations (external_id, name) VALUES (?, ?) "
                        + "RETURNING id, external_id, name, created_at", OrgStore::org, ExternalIds.next(), name)
                        .orElseThrow();
                Sql.update(c, "INSERT INTO memberships (org_id, user_id, role) VALUES (?, ?, 'admin')", org.id(), creator);
                return org;
            } catch (SQLException e) {
                if (!Sql.uniqueViolation(e)) throw e;
                c.rollback(before);
            }
        }
        throw new IllegalStateException("no free organisation id after " + ID_ATTEMPTS + " attempts");
    }

    static Optional<Org> byExternalId(Connection c, String externalId) throws SQLException {
        if (!ExternalIds.plausible(externalId)) return Optional.empty();
        return Sql.one(c, "SELECT id, external_id, name, created_at FROM organisations WHERE external_id = ?",
                OrgStore::org, externalId);
    }

    static Optional<Membership> membership(Connection c, UUID userId, String externalId) throws SQLException {
        if (!ExternalIds.plausible(externalId)) return Optional.empty();
        return Sql.one(c, "SELECT o.id, o.external_id, o.name, o.created_at, m.role FROM organisations o "
                + "JOIN memberships m ON m.org_id = o.id WHERE m.user_id = ? AND o.external_id = ?",
                rs -> new Membership(org(rs), Role.fromWireName(rs.getString("role"))), userId, externalId);
    }

    static List<Membership> membershipsOf(Connection c, UUID userId) throws SQLException {
        return Sql.list(c, "SELECT o.id, o.external_id, o.name, o.created_at, m.role FROM organisations o "
                + "JOIN memberships m ON m.org_id = o.id WHERE m.user_id = ? ORDER BY o.name, o.external_id",
                rs -> new Membership(org(rs), Role.fromWireName(rs.getString("role"))), userId);
    }

    static List<Member> members(Connection c, UUID orgId) throws SQLException {
        return Sql.list(c, "SELECT u.id, u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id "
                + "WHERE m.org_id = ? ORDER BY u.email_key", rs -> new Member(rs.getObject("id", UUID.class),
                rs.getString("email"), Role.fromWireName(rs.getString("role"))), orgId);
    }

    /**
     * Locks the organisation's memberships (so two admins leaving at once cannot both pass the last-admin check)
     * and answers how many admins it has.
     */
    static int lockAndCountAdmins(Connection c, UUID orgId) throws SQLException {
        List<String> roles = Sql.list(c, "SELECT role FROM memberships WHERE org_id = ? FOR UPDATE",
                rs -> rs.getString(1), orgId);
        return (int) roles.stream().filter(Role.ADMIN.wireName()::equals).count();
    }

    static Optional<Role> role(Connection c, UUID orgId, UUID userId) throws SQLException {
        return Sql.one(c, "SELECT role FROM memberships WHERE org_id = ? AND user_id = ?",
                rs -> Role.fromWireName(rs.getString(1)), orgId, userId);
    }

    static void addMember(Connection c, UUID orgId, UUID userId, Role role) throws SQLException {
        Sql.update(c, "INSERT INTO memberships (org_id, user_id, role) VALUES (?, ?, ?) "
                + "ON CONFLICT (org_id, user_id) DO NOTHING", orgId, userId, role.wireName());
    }

    static boolean setRole(Connection c, UUID orgId, UUID userId, Role role) throws SQLException {
        return Sql.update(c, "UPDATE memberships SET role = ? WHERE org_id = ? AND user_id = ?",
                role.wireName(), orgId, userId) == 1;
    }

    static boolean removeMember(Connection c, UUID orgId, UUID userId) throws SQLException {
        return Sql.update(c, "DELETE FROM memberships WHERE org_id = ? AND user_id = ?", orgId, userId) == 1;
    }

    static List<Org> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT id, external_id, name, created_at FROM organisations ORDER BY created_at, external_id",
                OrgStore::org);
    }

    /**
     * Deletes the organisation; memberships, invitations and probe tokens go with it (foreign keys). Its stored
     * reports go too when the data plane's {@code reports} table exists (it keys rows by the internal id as text).
     */
    static boolean delete(Connection c, UUID orgId) throws SQLException {
        boolean reports = Sql.one(c, "SELECT to_regclass('reports') IS NOT NULL", rs -> rs.getBoolean(1)).orElse(false);
        if (reports) Sql.update(c, "DELETE FROM reports WHERE org_id = ?", orgId.toString());
        boolean deleted = Sql.update(c, "DELETE FROM organisations WHERE id = ?", orgId) == 1;
        // Replicas holding the organisation's data in memory (query caches, control routes) can drop it now.
        Sql.one(c, "SELECT pg_notify('scope_org_deleted', ?)", rs -> rs.getString(1), orgId.toString());
        return deleted;
    }

    static Org org(ResultSet rs) throws SQLException {
        return new Org(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("name"),
                Sql.instant(rs, "created_at"));
    }
}

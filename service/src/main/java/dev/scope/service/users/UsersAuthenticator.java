package dev.scope.service.users;

import dev.scope.service.auth.Authenticator;
import dev.scope.service.auth.ProbePrincipal;
import dev.scope.service.auth.Role;
import dev.scope.service.auth.UserPrincipal;
import dev.scope.service.db.Database;

import java.util.Optional;
import java.util.UUID;

/**
 * The gateway's questions answered from the database. Secrets are looked up by their SHA-256 digest (an index
 * lookup on a digest of a 256-bit secret leaks nothing useful through timing), and junk that cannot be a secret
 * or an organisation id is refused before any query. Every refusal is the same empty answer.
 */
public final class UsersAuthenticator implements Authenticator {
    private final Sql sql;

    public UsersAuthenticator(Database database) {
        this.sql = new Sql(database.dataSource());
    }

    @Override
    public Optional<ProbePrincipal> probe(String token) {
        if (!Secrets.plausible(token)) return Optional.empty();
        return sql.tx(c -> ProbeTokenStore.principal(c, token));
    }

    @Override
    public Optional<UserPrincipal> member(String sessionId, String orgExternalId) {
        if (!Secrets.plausible(sessionId) || !ExternalIds.plausible(orgExternalId)) return Optional.empty();
        return sql.tx(c -> Sql.one(c, "SELECT u.id AS user_id, u.email, o.id AS org_id, o.external_id, m.role "
                        + "FROM sessions s JOIN users u ON u.id = s.user_id "
                        + "JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.org_id "
                        + "WHERE s.id_hash = ? AND s.expires_at > now() AND u.approved AND NOT u.disabled "
                        + "AND o.external_id = ?",
                rs -> new UserPrincipal(rs.getObject("user_id", UUID.class).toString(), rs.getString("email"),
                        rs.getObject("org_id", UUID.class).toString(), rs.getString("external_id"),
                        Role.fromWireName(rs.getString("role"))),
                Secrets.digest(sessionId), orgExternalId));
    }
}

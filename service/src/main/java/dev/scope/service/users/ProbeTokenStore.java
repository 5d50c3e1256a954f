package dev.scope.service.users;

import dev.scope.service.auth.ProbePrincipal;
import dev.scope.service.users.Records.IssuedToken;
import dev.scope.service.users.Records.ProbeToken;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code probe_tokens}: 256-bit secrets a probe presents, stored as SHA-256 digests. */
final class ProbeTokenStore {
    private static final int HINT_CHARS = 4;

    private ProbeTokenStore() {
    }

    static IssuedToken issue(Connection c, UUID orgId, UUID by) throws SQLException {
        String secret = Secrets.newSecret();
        ProbeToken token = Sql.one(c, "INSERT INTO probe_tokens (org_id, token_hash, hint, created_by) VALUES (?, ?, ?, ?) "
                        + "RETURNING id, hint, created_at, revoked_at", ProbeTokenStore::token,
                orgId, Secrets.digest(secret), "…" + secret.substring(secret.length() - HINT_CHARS), by).orElseThrow();
        return new IssuedToken(token, secret);
    }

    static List<ProbeToken> list(Connection c, UUID orgId) throws SQLException {
        return Sql.list(c, "SELECT id, hint, created_at, revoked_at FROM probe_tokens WHERE org_id = ? "
                + "ORDER BY created_at DESC", ProbeTokenStore::token, orgId);
    }

    static boolean revoke(Connection c, UUID orgId, UUID id) throws SQLException {
        return Sql.update(c, "UPDATE probe_tokens SET revoked_at = now() WHERE org_id = ? AND id = ? AND revoked_at IS NULL",
                orgId, id) == 1;
    }

    static Optional<ProbePrincipal> principal(Connection c, String secret) throws SQLException {
        if (!Secrets.plausible(secret)) return Optional.empty();
        return Sql.one(c, "SELECT t.id, o.id AS org_id, o.external_id FROM probe_tokens t "
                        + "JOIN organisations o ON o.id = t.org_id WHERE t.token_hash = ? AND t.revoked_at IS NULL",
                rs -> new ProbePrincipal(rs.getObject("org_id", UUID.class).toString(), rs.getString("external_id"),
                        rs.getObject("id", UUID.class).toString()), (Object) Secrets.digest(secret));
    }

    private static ProbeToken token(ResultSet rs) throws SQLException {
        return new ProbeToken(rs.getObject("id", UUID.class), rs.getString("hint"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"));
    }
}

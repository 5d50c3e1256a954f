package dev.scope.service.users;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code login_links}: single-use, expiring secrets e-mailed to a user. */
final class LoginLinkStore {
    private LoginLinkStore() {
    }

    static String issue(Connection c, UUID userId, Duration ttl) throws SQLException {
        String secret = Secrets.newSecret();
        Sql.update(c, "INSERT INTO login_links (token_hash, user_id, expires_at) "
                + "VALUES (?, ?, now() + make_interval(secs => ?))", Secrets.digest(secret), userId, (double) ttl.toSeconds());
        return secret;
    }

    /**
     * Marks the link used and answers its user, if it was live. One UPDATE does both, so two clicks racing each
     * other cannot both log in.
     */
    static Optional<UUID> consume(Connection c, String secret) throws SQLException {
        if (!Secrets.plausible(secret)) return Optional.empty();
        return Sql.one(c, "UPDATE login_links SET used_at = now() "
                        + "WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING user_id",
                rs -> rs.getObject(1, UUID.class), (Object) Secrets.digest(secret));
    }

    /** Drops links that can no longer be used. */
    static int purge(Connection c) throws SQLException {
        return Sql.update(c, "DELETE FROM login_links WHERE expires_at < now() - interval '1 day' "
                + "OR used_at < now() - interval '1 day'");
    }
}

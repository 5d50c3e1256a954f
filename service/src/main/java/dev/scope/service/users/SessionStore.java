package dev.scope.service.users;

import dev.scope.service.users.Records.User;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code sessions}: the browser keeps the secret in the {@code scope_session} cookie, we keep its digest. */
final class SessionStore {
    private SessionStore() {
    }

    static String create(Connection c, UUID userId, Duration ttl) throws SQLException {
        String secret = Secrets.newSecret();
        Sql.update(c, "INSERT INTO sessions (id_hash, user_id, expires_at) VALUES (?, ?, now() + make_interval(secs => ?))",
                Secrets.digest(secret), userId, (double) ttl.toSeconds());
        return secret;
    }

    /** The session's user, if the session is live and the user may still log in (not disabled, approved). */
    static Optional<User> user(Connection c, String secret) throws SQLException {
        if (!Secrets.plausible(secret)) return Optional.empty();
        return Sql.one(c, "SELECT u.id, u.email, u.site_admin, u.approved, u.disabled, "
                        + "u.password_hash IS NOT NULL AS has_password, u.created_at, u.last_login_at "
                        + "FROM sessions s JOIN users u ON u.id = s.user_id "
                        + "WHERE s.id_hash = ? AND s.expires_at > now() AND u.approved AND NOT u.disabled",
                UserStore::user, (Object) Secrets.digest(secret));
    }

    static void delete(Connection c, String secret) throws SQLException {
        if (Secrets.plausible(secret)) Sql.update(c, "DELETE FROM sessions WHERE id_hash = ?", (Object) Secrets.digest(secret));
    }

    static void deleteAll(Connection c, UUID userId) throws SQLException {
        Sql.update(c, "DELETE FROM sessions WHERE user_id = ?", userId);
    }

    static int purge(Connection c) throws SQLException {
        return Sql.update(c, "DELETE FROM sessions WHERE expires_at < now()");
    }
}

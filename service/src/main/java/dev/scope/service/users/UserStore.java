package dev.scope.service.users;

import dev.scope.service.users.Records.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Rows of {@code users}. E-mail addresses are matched case-insensitively through {@code email_key}. */
final class UserStore {
    private static final String COLUMNS = "id, email, site_admin, approved, disabled, password_hash IS NOT NULL AS has_password, created_at, last_login_at";

    private UserStore() {
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static Optional<User> byEmail(Connection c, String email) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE email_key = ?", UserStore::user, key(email));
    }

    static Optional<User> byId(Connection c, UUID id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::user, id);
    }

    /** The user with that address, created (approved or not) if there is none yet; races resolve to one row. */
    static User findOrCreate(Connection c, String email, boolean approved, boolean siteAdmin) throws SQLException {
        Sql.update(c, "INSERT INTO users (email, email_key, approved, site_admin) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (email_key) DO NOTHING", email.strip(), key(email), approved || siteAdmin, siteAdmin);
        return byEmail(c, email).orElseThrow();
    }

    static Optional<String> passwordHash(Connection c, UUID id) throws SQLException {
        return Sql.one(c, "SELECT password_hash FROM users WHERE id = ? AND password_hash IS NOT NULL",
                rs -> rs.getString(1), id);
    }

    static void setPasswordHash(Connection c, UUID id, String hash) throws SQLException {
        Sql.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", hash, id);
    }

    static void touchLogin(Connection c, UUID id) throws SQLException {
        Sql.update(c, "UPDATE users SET last_login_at = now() WHERE id = ?", id);
    }

    static boolean setFlag(Connection c, UUID id, String column, boolean value) throws SQLException {
        String sql = switch (column) {
            case "site_admin" -> "UPDATE users SET site_admin = ? WHERE id = ?";
            case "disabled" -> "UPDATE users SET disabled = ? WHERE id = ?";
            case "approved" -> "UPDATE users SET approved = ? WHERE id = ?";
            default -> throw new IllegalArgumentException(column);
        };
        return Sql.update(c, sql, value, id) == 1;
    }

    static List<User> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM users ORDER BY created_at, email_key", UserStore::user);
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getBoolean("site_admin"),
                rs.getBoolean("approved"), rs.getBoolean("disabled"), rs.getBoolean("has_password"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "last_login_at"));
    }
}

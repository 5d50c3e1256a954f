package dev.scope.service.users;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Fixed-window counters in the database, so every replica of the users component counts the same attempts.
 * A key is e.g. {@code signup:addr:someone@example.com} or {@code login:ip:192.0.2.7}.
 */
final class RateLimiter {
    private RateLimiter() {
    }

    /** Counts one attempt; true while the key stays within {@code limit} attempts in the current window. */
    static boolean allow(Connection c, String key, int limit, Duration window) throws SQLException {
        long seconds = Math.max(1, window.toSeconds());
        int hits = Sql.one(c, "INSERT INTO rate_limits (key, window_start, hits) "
                        + "VALUES (?, to_timestamp(floor(extract(epoch FROM now()) / ?) * ?), 1) "
                        + "ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits",
                rs -> rs.getInt(1), key, seconds, seconds).orElseThrow();
        return hits <= limit;
    }

    static int purge(Connection c) throws SQLException {
        return Sql.update(c, "DELETE FROM rate_limits WHERE window_start < now() - interval '2 days'");
    }
}

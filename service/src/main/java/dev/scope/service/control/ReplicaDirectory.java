package dev.scope.service.control;

import dev.scope.service.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This replica's row in {@code service_replicas}: registered at start, renewed every third of its time to live,
 * removed at close. A replica that stops renewing (killed, partitioned from the database) lapses, and with it every
 * route that names it. If our row was removed while we were alive (a long pause), the renewal recreates it and
 * calls {@code reRegister} so the component records its live connections again.
 */
public final class ReplicaDirectory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicaDirectory.class);

    private final Vertx vertx;
    private final Database database;
    private final String replicaId;
    private final String kind;
    private final String internalUrl;
    private final Duration ttl;
    private final Runnable reRegister;
    private final AtomicLong lastRenewedNanos = new AtomicLong();
    private final long timer;

    private ReplicaDirectory(Vertx vertx, Database database, String kind, String internalUrl, Duration ttl, Runnable reRegister) {
        this.vertx = vertx;
        this.database = database;
        this.replicaId = kind + "-" + UUID.randomUUID();
        this.kind = kind;
        this.internalUrl = internalUrl;
        this.ttl = ttl;
        this.reRegister = reRegister;
        renew();
        long every = Math.max(100, ttl.toMillis() / 3);
        this.timer = vertx.setPeriodic(every, t -> vertx.executeBlocking(() -> {
            renewAndSweep();
            return null;
        }, false).onFailure(e -> log.warn("{} could not renew its registration: {}", replicaId, e.getMessage())));
    }

    /** Registers synchronously (the caller is starting up, not on an event loop) and starts the heartbeat. */
    public static ReplicaDirectory register(Vertx vertx, Database database, String kind, String internalUrl,
                                            Duration ttl, Runnable reRegister) {
        return new ReplicaDirectory(vertx, database, kind, internalUrl, ttl, reRegister);
    }

    public String replicaId() {
        return replicaId;
    }

    public String internalUrl() {
        return internalUrl;
    }

    /** True while our registration was renewed within its time to live (readiness). */
    public boolean healthy() {
        return System.nanoTime() - lastRenewedNanos.get() < ttl.toNanos();
    }

    /** The internal URL of a live replica, if that id names one. */
    public Optional<String> liveUrl(Connection c, String otherReplicaId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT internal_url FROM service_replicas WHERE replica_id = ? AND expires_at > now()")) {
            st.setString(1, otherReplicaId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private void renewAndSweep() throws SQLException {
        renew();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement(
                     // a minute past expiry: long enough that a replica pausing briefly is not swept (it would
                     // re-register anyway), short enough that the tables do not keep dead replicas' routes
                     "DELETE FROM service_replicas WHERE expires_at < now() - interval '1 minute'")) {
            st.executeUpdate();
        }
    }

    private void renew() {
        boolean inserted;
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("""
                     INSERT INTO service_replicas (replica_id, kind, internal_url, expires_at)
                     VALUES (?, ?, ?, now() + ?::interval)
                     ON CONFLICT (replica_id) DO UPDATE SET expires_at = excluded.expires_at
                     RETURNING (xmax = 0) AS inserted""")) {
            st.setString(1, replicaId);
            st.setString(2, kind);
            st.setString(3, internalUrl);
            st.setString(4, ttl.toMillis() + " milliseconds");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                inserted = rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register replica " + replicaId + ": " + e.getMessage(), e);
        }
        boolean first = lastRenewedNanos.getAndSet(System.nanoTime()) == 0;
        if (inserted && !first) {
            log.warn("{}'s registration had lapsed; recording its connections again", replicaId);
            reRegister.run();
        }
    }

    /** Runs blocking database work off the event loop. */
    public <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM service_replicas WHERE replica_id = ?")) {
            st.setString(1, replicaId);
            st.executeUpdate();
        } catch (SQLException e) {
            log.debug("{} could not deregister: {}", replicaId, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return replicaId + " (" + kind + " at " + internalUrl + ")";
    }
}

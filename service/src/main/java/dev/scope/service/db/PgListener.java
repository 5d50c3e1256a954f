package dev.scope.service.db;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * LISTENs on one PostgreSQL channel on a connection of its own and hands each notification's payload to a sink.
 * After a lost connection it reconnects and tells the sink it {@link Sink#missed() missed} whatever was sent
 * meanwhile (notifications are not queued for absent listeners). A half-open connection delivers nothing and
 * raises nothing, so it asks the server something every 10 s.
 */
public final class PgListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgListener.class);

    public interface Sink {
        void notified(String payload);

        /** Listening (re)started: anything sent before may have been missed. */
        void missed();
    }

    /** Opens the LISTEN connection. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector db;
    private final String channel;
    private final Sink sink;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    private PgListener(Connector db, String channel, String threadName, Sink sink) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("not a channel name: " + channel);
        this.db = db;
        this.channel = channel;
        this.sink = sink;
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::run);
    }

    public static PgListener start(Connector db, String channel, String threadName, Sink sink) {
        PgListener listener = new PgListener(db, channel, threadName, sink);
        listener.thread.start();
        return listener;
    }

    /** LISTEN holds its connection for good: one of its own, outside the pool. */
    public static Connector dedicatedConnection(Database database) {
        HikariDataSource pool = database.pool();
        return () -> DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /** True while the LISTEN connection is up. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (running) {
            try (Connection c = db.connect()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                sink.missed();
                long probedAt = System.nanoTime();
                while (running) {
                    PGNotification[] batch = pg.getNotifications(500);
                    if (System.nanoTime() - probedAt > 10_000_000_000L) {
                        try (Statement st = c.createStatement()) {
                            st.setQueryTimeout(10);
                            st.execute("SELECT 1");
                        }
                        probedAt = System.nanoTime();
                    }
                    if (batch == null) continue;
                    for (PGNotification n : batch) sink.notified(n.getParameter());
                }
            } catch (Exception e) {
                listening = false;
                if (!running) return;
                log.warn("listening on {} failed ({}); reconnecting", channel, e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
        listening = false;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

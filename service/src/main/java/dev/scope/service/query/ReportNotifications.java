package dev.scope.service.query;

import dev.scope.service.collection.ReportStore;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * LISTENs on {@code scope_reports} on one dedicated connection and tells the organisations' caches. After a lost
 * connection it reconnects and marks every cache stale, since notifications sent meanwhile are gone.
 */
final class ReportNotifications implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReportNotifications.class);

    interface Sink {
        void changed(String orgId, boolean shortcut);

        void allStale();
    }

    /** Opens the LISTEN connection. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector db;
    private final Sink sink;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    ReportNotifications(Connector db, Sink sink) {
        this.db = db;
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("scope-query-listen").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** True while the LISTEN connection is up: without it the caches would not see new reports before they age. */
    boolean listening() {
        return listening;
    }

    private void run() {
        while (running) {
            try (Connection c = db.connect()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + ReportStore.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                sink.allStale();
                long probedAt = System.nanoTime();
                while (running) {
                    PGNotification[] batch = pg.getNotifications(500);
                    if (System.nanoTime() - probedAt > 10_000_000_000L) {
                        // A half-open connection delivers nothing and raises nothing: ask something now and then.
                        try (Statement st = c.createStatement()) {
                            st.setQueryTimeout(10);
                            st.execute("SELECT 1");
                        }
                        probedAt = System.nanoTime();
                    }
                    if (batch == null) continue;
                    for (PGNotification n : batch) {
                        String payload = n.getParameter();
                        boolean shortcut = payload.endsWith(ReportStore.SHORTCUT_SUFFIX);
                        sink.changed(shortcut ? payload.substring(0, payload.length() - ReportStore.SHORTCUT_SUFFIX.length()) : payload, shortcut);
                    }
                }
            } catch (Exception e) {
                listening = false;
                if (!running) return;
                log.warn("listening for new reports failed ({}); reconnecting", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
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

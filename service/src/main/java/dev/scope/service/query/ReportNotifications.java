package dev.scope.service.query;

import dev.scope.service.collection.ReportStore;
import dev.scope.service.db.PgListener;

/**
 * LISTENs on {@code scope_reports} and tells the organisations' caches. After a lost connection every cache is
 * marked stale, since notifications sent meanwhile are gone.
 */
final class ReportNotifications implements AutoCloseable {
    interface Sink {
        void changed(String orgId, boolean shortcut);

        void allStale();
    }

    private final PgListener.Connector db;
    private final Sink sink;
    private PgListener listener;

    ReportNotifications(PgListener.Connector db, Sink sink) {
        this.db = db;
        this.sink = sink;
    }

    void start() {
        listener = PgListener.start(db, ReportStore.CHANNEL, "scope-query-listen", new PgListener.Sink() {
            @Override
            public void notified(String payload) {
                boolean shortcut = payload.endsWith(ReportStore.SHORTCUT_SUFFIX);
                sink.changed(shortcut ? payload.substring(0, payload.length() - ReportStore.SHORTCUT_SUFFIX.length()) : payload, shortcut);
            }

            @Override
            public void missed() {
                sink.allStale();
            }
        });
    }

    /** True while the LISTEN connection is up: without it the caches would not see new reports before they age. */
    boolean listening() {
        return listener != null && listener.listening();
    }

    @Override
    public void close() {
        if (listener != null) listener.close();
    }
}

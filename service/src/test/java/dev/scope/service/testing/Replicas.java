package dev.scope.service.testing;

import dev.scope.service.db.Database;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Replicas of a component over one fresh, real PostgreSQL, each on its own Vert.x as separate processes would be.
 * {@link #close} closes what the test registered (newest first), then every Vert.x, then the database.
 */
public final class Replicas implements AutoCloseable {
    private final Database database;
    private final List<Vertx> vertxes = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public Replicas(String poolName) {
        database = Database.connect(TestPostgres.freshDatabase(poolName));
    }

    public Database database() {
        return database;
    }

    /** A Vert.x of its own, as a separate process would have; a test may close it early to simulate a crash. */
    public Vertx vertx() {
        Vertx vertx = Vertx.vertx();
        vertxes.add(vertx);
        return vertx;
    }

    /** Closes {@code closeable} at the end of the test, before the Vert.x it may run on. */
    public <T extends AutoCloseable> T closeAtEnd(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // a killed replica's Vert.x is gone already
            }
        }
        for (Vertx v : vertxes) v.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        database.close();
    }
}

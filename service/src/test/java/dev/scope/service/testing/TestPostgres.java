package dev.scope.service.testing;

import dev.scope.service.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: the server named by {@code SCOPE_TEST_DB_URL} (a JDBC URL to a database whose
 * user may create databases, with {@code SCOPE_TEST_DB_USER}/{@code SCOPE_TEST_DB_PASSWORD}), otherwise one
 * embedded PostgreSQL started once per test JVM. {@link #freshDatabase} gives each test its own empty database,
 * so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Server server;

    private record Server(String adminUrl, String user, String password, String urlPrefix) {
    }

    private TestPostgres() {
    }

    /** A new, empty database on the shared server; settings for {@link dev.scope.service.db.Database#connect}. */
    public static DatabaseSettings freshDatabase(String poolName) {
        Server s = server();
        String name = "scope_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = java.sql.DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new DatabaseSettings(s.urlPrefix() + name, s.user(), s.password(), 5, poolName);
    }

    private static Server server() {
        Server s = server;
        if (s != null) return s;
        synchronized (TestPostgres.class) {
            if (server == null) server = start();
            return server;
        }
    }

    private static Server start() {
        String url = System.getenv("SCOPE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String prefix = url.substring(0, url.lastIndexOf('/') + 1);
            return new Server(url, System.getenv("SCOPE_TEST_DB_USER"), System.getenv("SCOPE_TEST_DB_PASSWORD"),
                    prefix);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going; the data directory is temporary anyway
                }
            }));
            String prefix = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
            return new Server(prefix + "postgres", "postgres", "postgres", prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}

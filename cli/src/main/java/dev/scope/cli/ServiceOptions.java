package dev.scope.cli;

import dev.scope.service.db.DatabaseSettings;
import picocli.CommandLine.Option;

/**
 * The database every {@code scope service} component uses. The password comes from {@code SCOPE_DB_PASSWORD}
 * only, never from a flag, so it does not show in process listings.
 */
final class ServiceOptions {
    @Option(names = "--db-url", defaultValue = "${env:SCOPE_DB_URL}",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/scope (env SCOPE_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:SCOPE_DB_USER}", description = "Database user (env SCOPE_DB_USER).")
    String dbUser;

    @Option(names = "--db-pool-size", defaultValue = "${env:SCOPE_DB_POOL_SIZE:-10}",
            description = "Most database connections this process holds (env SCOPE_DB_POOL_SIZE, default ${DEFAULT-VALUE}).")
    int dbPoolSize;

    DatabaseSettings database(String poolName) {
        if (dbUrl == null || dbUrl.isBlank()) {
            throw new IllegalArgumentException("no database: set --db-url or SCOPE_DB_URL (e.g. jdbc:postgresql://localhost:5432/scope)");
        }
        if (dbPoolSize < 1) throw new IllegalArgumentException("--db-pool-size must be at least 1");
        return new DatabaseSettings(dbUrl, dbUser, System.getenv("SCOPE_DB_PASSWORD"), dbPoolSize, poolName);
    }
}

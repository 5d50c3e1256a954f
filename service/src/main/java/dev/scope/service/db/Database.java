package dev.scope.service.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The service's one PostgreSQL database: a pooled data source, with the schema brought up to date by Flyway
 * (migrations in {@code db/migration}: V1_x users and organisations, V2_x reports and routing).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Connects with at most {@code poolSize} connections and migrates the schema. */
    public static Database connect(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName(settings.poolName());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The pool, for its metrics. */
    public HikariDataSource pool() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

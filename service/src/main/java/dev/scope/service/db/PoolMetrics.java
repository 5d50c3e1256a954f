package dev.scope.service.db;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/** The database pool's state as Prometheus gauges; every {@code scope service} process binds them for its pool. */
public final class PoolMetrics {
    private PoolMetrics() {
    }

    /** The connection pool's state as gauges (registering twice, as components sharing a pool do, is harmless). */
    public static void bind(MeterRegistry registry, Database database) {
        String pool = database.pool().getPoolName();
        poolGauge(registry, database, pool, "scope_db_pool_active", "connections in use", HikariPoolMXBean::getActiveConnections);
        poolGauge(registry, database, pool, "scope_db_pool_idle", "idle connections", HikariPoolMXBean::getIdleConnections);
        poolGauge(registry, database, pool, "scope_db_pool_pending", "threads waiting for a connection", HikariPoolMXBean::getThreadsAwaitingConnection);
        poolGauge(registry, database, pool, "scope_db_pool_connections", "connections open (not _total: Prometheus keeps that suffix for counters)", HikariPoolMXBean::getTotalConnections);
    }

    private static void poolGauge(MeterRegistry registry, Database database, String pool, String name, String help,
                                  ToDoubleFunction<HikariPoolMXBean> value) {
        Gauge.builder(name, database, d -> {
                    HikariPoolMXBean bean = d.pool().getHikariPoolMXBean();
                    return bean == null ? Double.NaN : value.applyAsDouble(bean);
                })
                .description(help).tag("pool", pool).register(registry);
    }
}

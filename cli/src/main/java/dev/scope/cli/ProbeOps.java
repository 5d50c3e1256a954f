package dev.scope.cli;

import dev.scope.ops.OpsServer;
import dev.scope.probe.ProbeMetrics;
import dev.scope.probe.ScopeProbe;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The probe's ops endpoints ({@code --probe.http.listen}): its counters and the JVM's on {@code /metrics},
 * {@code /health}, {@code /ready} (an app has been found), thread dump and flight recordings, on loopback only,
 * behind the probe's token when it has one.
 */
final class ProbeOps implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ProbeMetrics metrics = new ProbeMetrics(registry);
    private OpsServer server;

    ProbeOps() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    ProbeMetrics metrics() {
        return metrics;
    }

    /** Refuses a bad --probe.http.listen before anything starts: not HOST:PORT, or not a loopback address. */
    static void check(String listen) {
        if (listen == null || listen.isBlank()) return;
        OpsServer.requireLoopback(HostPort.parse(listen, 4041).host());
    }

    /** Serves the endpoints for a started probe when {@code listen} is set; returns the port, or -1. */
    int serve(String listen, ScopeProbe probe, String token) {
        if (listen == null || listen.isBlank()) return -1;
        HostPort hp = HostPort.parse(listen, 4041);
        server = OpsServer.start(hp.host(), hp.port(), registry, token, () -> !probe.appIds().isEmpty());
        return server.port();
    }

    @Override
    public void close() {
        if (server != null) server.close();
        registry.close();
    }
}

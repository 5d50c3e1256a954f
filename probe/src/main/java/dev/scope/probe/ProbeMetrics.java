package dev.scope.probe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The probe's own counters, for its {@code /metrics}: how long each reporter takes per spy cycle, how large the
 * published reports are, and per app how long a publish takes and how often it fails.
 */
public final class ProbeMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary reportBytes;

    public ProbeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reportBytes = DistributionSummary.builder("scope_probe_report_bytes").baseUnit("bytes")
                .description("size of published reports (msgpack, gzipped)").register(registry);
    }

    /** Records nothing: a registry with no backend. */
    public static ProbeMetrics none() {
        return new ProbeMetrics(new CompositeMeterRegistry());
    }

    void spied(String reporter, long nanos) {
        Timer.builder("scope_probe_spy_seconds").description("time one reporter takes in a spy cycle")
                .tag("reporter", reporter).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void reportEncoded(int bytes) {
        reportBytes.record(bytes);
    }

    public void published(String app, long nanos) {
        Timer.builder("scope_probe_publish_seconds").description("time to POST one report to an app")
                .tag("app", app).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void publishFailed(String app) {
        Counter.builder("scope_probe_publish_failures").description("reports an app did not take")
                .tag("app", app).register(registry).increment();
    }
}

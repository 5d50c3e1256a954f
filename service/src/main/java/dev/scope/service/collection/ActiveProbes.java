package dev.scope.service.collection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which probes of which organisation sent a report within the window, as gauges of bounded cardinality: no series
 * per organisation (there may be thousands), but totals, the largest organisation, and how many organisations have
 * at most N active probes ({@code scope_collection_orgs_by_active_probes{le="N"}}, cumulative like a histogram).
 * A replica sees only the reports it received; behind several collection replicas, sum the totals, not the buckets.
 */
final class ActiveProbes {
    static final long[] BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

    private final long windowMillis;
    private final LongSupplier clock;
    // org -> probe -> last report (ms); stale entries go whenever counts are taken, so memory follows active probes.
    private final Map<String, Map<String, Long>> lastSeen = new ConcurrentHashMap<>();

    ActiveProbes(long windowMillis, LongSupplier clock) {
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    void seen(String org, String probe) {
        lastSeen.computeIfAbsent(org, o -> new ConcurrentHashMap<>()).put(probe, clock.getAsLong());
    }

    /** Active probes per organisation now; drops what left the window. */
    Map<String, Integer> counts() {
        long oldest = clock.getAsLong() - windowMillis;
        Map<String, Integer> counts = new java.util.HashMap<>();
        lastSeen.forEach((org, probes) -> {
            probes.values().removeIf(at -> at < oldest);
            if (probes.isEmpty()) lastSeen.remove(org, probes);
            else counts.put(org, probes.size());
        });
        return counts;
    }

    void register(MeterRegistry metrics) {
        Gauge.builder("scope_collection_active_probes", this, a -> a.counts().values().stream().mapToInt(Integer::intValue).sum())
                .description("probes that sent a report to this replica within the window").register(metrics);
        Gauge.builder("scope_collection_active_orgs", this, a -> a.counts().size())
                .description("organisations with at least one active probe").register(metrics);
        Gauge.builder("scope_collection_active_probes_max_per_org", this,
                        a -> a.counts().values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .description("active probes of the largest organisation").register(metrics);
        for (long le : BUCKETS) {
            Gauge.builder("scope_collection_orgs_by_active_probes", this, a -> a.counts().values().stream().filter(n -> n <= le).count())
                    .tag("le", Long.toString(le)).description("organisations with at most le active probes").register(metrics);
        }
        Gauge.builder("scope_collection_orgs_by_active_probes", this, a -> a.counts().size())
                .tag("le", "+Inf").description("organisations with at most le active probes").register(metrics);
    }
}

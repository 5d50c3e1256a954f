package dev.scope.service.collection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Active probes per organisation: counted within the window, forgotten after it, exported without per-org series. */
class ActiveProbesTest {
    @Test
    void countsProbesWithinTheWindowAndForgetsStaleOnes() {
        AtomicLong now = new AtomicLong(1_000_000);
        ActiveProbes active = new ActiveProbes(15_000, now::get);
        for (int p = 0; p < 7; p++) active.seen("big", "probe-" + p);
        active.seen("small", "probe-0");
        active.seen("small", "probe-0"); // the same probe again is still one
        assertThat(active.counts()).isEqualTo(Map.of("big", 7, "small", 1));

        now.addAndGet(10_000);
        active.seen("big", "probe-0");
        now.addAndGet(6_000); // 16 s after the first reports, 6 s after probe-0's last
        assertThat(active.counts()).isEqualTo(Map.of("big", 1));
    }

    @Test
    void gaugesHaveBoundedCardinality() {
        AtomicLong now = new AtomicLong(0);
        ActiveProbes active = new ActiveProbes(15_000, now::get);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        active.register(metrics);
        for (int o = 0; o < 300; o++) {
            for (int p = 0; p <= o % 12; p++) active.seen("org-" + o, "probe-" + p);
        }
        assertThat(metrics.get("scope_collection_active_orgs").gauge().value()).isEqualTo(300);
        assertThat(metrics.get("scope_collection_active_probes_max_per_org").gauge().value()).isEqualTo(12);
        assertThat(metrics.get("scope_collection_orgs_by_active_probes").tag("le", "1").gauge().value()).isEqualTo(25);
        assertThat(metrics.get("scope_collection_orgs_by_active_probes").tag("le", "10").gauge().value()).isEqualTo(250);
        assertThat(metrics.get("scope_collection_orgs_by_active_probes").tag("le", "+Inf").gauge().value()).isEqualTo(300);
        assertThat(metrics.getMeters()).hasSize(3 + ActiveProbes.BUCKETS.length + 1);
    }
}

package dev.scope.app;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CollectorTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private Collector collector(int maxProbes, long maxBytes) {
        return new Collector(Duration.ofSeconds(15), maxProbes, maxBytes, now::get, metrics);
    }

    private static Report withHost(String hostId) {
        return Report.builder().node(TopologyId.HOST, Node.builder(hostId, "host").latest("host_name", hostId, 1).build()).build();
    }

    private static Report shortcut(String hostId) {
        return withHost(hostId).toBuilder().shortcut(true).build();
    }

    @Test
    void mergesReportsOfEveryProbe() {
        Collector c = collector(10, 1 << 20);
        c.add("p1", withHost("a;<host>"), 10);
        c.add("p2", withHost("b;<host>"), 10);

        assertThat(c.merged().topology(TopologyId.HOST).nodes().size()).isEqualTo(2);
    }

    @Test
    void answersTheSameMergeWhileNothingChanged() {
        Collector c = collector(10, 1 << 20);
        c.add("p1", withHost("a;<host>"), 10);
        Report first = c.merged();

        assertThat(c.merged()).isSameAs(first);
        assertThat(metrics.counter("scope_app_report_merges").count()).isEqualTo(1.0);

        c.add("p2", withHost("b;<host>"), 10);
        assertThat(c.merged()).isNotSameAs(first);
    }

    @Test
    void forgetsReportsOlderThanTheWindow() {
        Collector c = collector(10, 1 << 20);
        c.add("p1", withHost("a;<host>"), 10);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        c.add("p2", withHost("b;<host>"), 10);
        now.addAndGet(Duration.ofSeconds(6).toNanos());

        assertThat(c.merged().topology(TopologyId.HOST).nodes().size()).isEqualTo(1);
        assertThat(c.probeIds()).containsExactly("p2");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(c.hasReports()).isFalse();
        assertThat(c.merged().nodeCount()).isZero();
    }

    @Test
    void refusesProbesBeyondTheLimitUntilOneExpires() {
        Collector c = collector(1, 1 << 20);
        assertThat(c.add("p1", withHost("a"), 10)).isEqualTo(Collector.AddResult.ACCEPTED);
        assertThat(c.add("p2", withHost("b"), 10)).isEqualTo(Collector.AddResult.TOO_MANY_PROBES);
        assertThat(c.add("p1", withHost("a"), 10)).isEqualTo(Collector.AddResult.ACCEPTED);

        now.addAndGet(Duration.ofSeconds(16).toNanos());
        assertThat(c.add("p2", withHost("b"), 10)).isEqualTo(Collector.AddResult.ACCEPTED);
    }

    @Test
    void dropsTheOldestReportsBeyondTheByteLimit() {
        Collector c = collector(10, 100);
        c.add("p1", withHost("old"), 60);
        now.incrementAndGet();
        c.add("p2", withHost("new"), 60);

        assertThat(c.snapshotCounts()).containsExactly(1, 1, 60);
        assertThat(c.merged().topology(TopologyId.HOST).nodes().get("new")).isNotNull();
        assertThat(metrics.counter("scope_app_reports_evicted").count()).isEqualTo(1.0);
    }

    @Test
    void tellsListenersAboutShortcutReportsOnly() {
        Collector c = collector(10, 1 << 20);
        AtomicInteger calls = new AtomicInteger();
        c.onShortcut(calls::incrementAndGet);

        c.add("p1", withHost("a"), 10);
        c.add("p1", shortcut("a"), 10);

        assertThat(calls).hasValue(1);
    }

    @Test
    void theCachedMergeEqualsAFoldOfEveryReportInTheWindow() {
        Collector c = collector(50, 1 << 20);
        java.util.Random random = new java.util.Random(11);
        java.util.List<long[]> sent = new java.util.ArrayList<>(); // [probe, host, value, time]
        for (int step = 0; step < 400; step++) {
            int probe = random.nextInt(20);
            int host = random.nextInt(30);
            c.add("p" + probe, Report.builder().node(TopologyId.HOST, Node.builder("h" + host, "host")
                    .latest("v", "p" + probe + "-" + step, step).build()).build(), 10);
            sent.add(new long[]{probe, host, step, now.get()});
            now.addAndGet(Duration.ofMillis(random.nextInt(300)).toNanos());
            if (random.nextInt(5) == 0) {
                Report fold = Report.empty();
                for (long[] s : sent) {
                    if (now.get() - s[3] > Duration.ofSeconds(15).toNanos()) continue;
                    fold = fold.merge(Report.builder().node(TopologyId.HOST, Node.builder("h" + s[1], "host")
                            .latest("v", "p" + s[0] + "-" + s[2], s[2]).build()).build());
                }
                assertThat(c.merged()).isEqualTo(fold);
            }
        }
        assertThat(metrics.get("scope_app_merge_cache_reports").gauge().value()).isPositive();
        assertThat(metrics.get("scope_app_merge_cache_node_refs").gauge().value()).isPositive();
    }
}

package dev.scope.render;

import dev.scope.report.Report;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The big synthetic cluster renders with the shape it was built with (counts, not speed). */
class SyntheticClusterRenderTest {
    @Test
    void aHundredHostClusterRendersEveryProcessContainerAndCrossHostEdge() throws Exception {
        Report report = SyntheticReports.cluster(100, 8, 5, 85);
        Views views = new Views();

        assertThat(views.topology(report, "processes", Map.of()).nodes()).hasSize(12_500 + 1);
        RenderedTopology containers = views.topology(report, "containers", Map.of("system", "all"));
        assertThat(containers.nodes().values()).filteredOn(n -> !n.pseudo()).hasSize(800);
        assertThat(containers.nodes().get(String.format("%08x%056x;<container>", 3, 2)).adjacency())
                .containsExactly(String.format("%08x%056x;<container>", 4, 2));
        TopologyList list = views.topologyList(report, Map.of());
        TopologyList.TopologyDesc hosts = list.topologies().stream().filter(d -> d.name().equals("Hosts")).findFirst().orElseThrow();
        assertThat(hosts.stats().nonpseudoNodeCount()).isEqualTo(100);
        assertThat(hosts.stats().edgeCount()).isEqualTo(100 + 100);
    }
}

package dev.scope.render;

import dev.scope.report.Report;
import dev.scope.report.laws.ReportArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever probes send, every view renders, edges never dangle and the list's counts match the views. */
class RenderRobustnessProperties {
    private static final List<String> TOPOLOGIES = List.of("processes", "processes-by-name", "containers",
            "containers-by-image", "containers-by-hostname", "pods", "kube-controllers", "services", "ecs-tasks",
            "ecs-services", "swarm-services", "hosts", "weave");
    private static final List<Map<String, String>> QUERIES = List.of(Map.of(), Map.of("t", "1s"),
            Map.of("system", "all", "stopped", "both", "pseudo", "show", "unconnected", "show", "storage", "show"));

    @Provide
    Arbitrary<Report> reports() {
        return ReportArbitraries.reports().list().ofMinSize(1).ofMaxSize(3).map(ReportArbitraries::mergeAll);
    }

    @Property(tries = 60)
    void everyViewRendersWithEdgesOnlyBetweenItsNodes(@ForAll("reports") Report report) throws Exception {
        Views views = new Views();
        for (Map<String, String> query : QUERIES) {
            for (String topology : TOPOLOGIES) {
                RenderedTopology t = views.topology(report, topology, query);
                for (NodeSummary n : t.nodes().values()) {
                    assertThat(t.nodes().keySet()).as("edges of %s in %s", n.id(), topology).containsAll(n.adjacency());
                }
                assertThat(ApiJson.toBytes(t)).isNotEmpty();
            }
        }
    }

    @Property(tries = 40)
    void everyNodeHasDetails(@ForAll("reports") Report report) throws Exception {
        Views views = new Views();
        for (String topology : TOPOLOGIES) {
            for (String id : views.topology(report, topology, Map.of()).nodes().keySet()) {
                NodeDetails details = views.node(report, topology, id, Map.of()).orElseThrow();
                assertThat(details.summary().id()).isEqualTo(id);
                assertThat(ApiJson.toBytes(details)).isNotEmpty();
            }
        }
    }

    @Property(tries = 40)
    void listCountsMatchTheViews(@ForAll("reports") Report report) throws Exception {
        Views views = new Views();
        for (TopologyList.TopologyDesc d : views.topologyList(report, Map.of()).topologies()) {
            checkCounts(views, report, d);
            for (TopologyList.TopologyDesc sub : d.subTopologies()) checkCounts(views, report, sub);
        }
    }

    private static void checkCounts(Views views, Report report, TopologyList.TopologyDesc d) throws Exception {
        String id = d.url().substring("/api/topology/".length());
        RenderedTopology t = views.topology(report, id, Map.of());
        int edges = t.nodes().values().stream().mapToInt(n -> n.adjacency().size()).sum();
        assertThat(d.stats().nodeCount()).as("nodes of %s", id).isEqualTo(t.nodes().size());
        assertThat(d.stats().edgeCount()).as("edges of %s", id).isEqualTo(edges);
    }
}

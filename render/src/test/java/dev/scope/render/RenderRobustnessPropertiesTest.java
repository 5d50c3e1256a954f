package dev.scope.render;

import dev.scope.report.Report;
import dev.scope.report.laws.ReportArbitraries;
import dev.scope.report.Node;
import dev.scope.report.TopologyId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever probes send, every view renders, edges never dangle and the list's counts match the views. */
class RenderRobustnessPropertiesTest {
    private static final List<String> TOPOLOGIES = List.of("processes", "processes-by-name", "containers",
            "containers-by-image", "containers-by-hostname", "pods", "kube-controllers", "services", "ecs-tasks",
            "ecs-services", "swarm-services", "hosts", "weave");
    private static final List<Map<String, String>> QUERIES = List.of(Map.of(), Map.of("t", "1s"),
            Map.of("system", "all", "stopped", "both", "pseudo", "show", "unconnected", "show", "storage", "show"));

    /** Generated reports, with connections added between their processes and to outside addresses. */
    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<Report> reports = ReportArbitraries.reports().list().ofMinSize(1).ofMaxSize(3).map(ReportArbitraries::mergeAll);
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 999).list().ofMaxSize(24);
        return Combinators.combine(reports, picks).as(RenderRobustnessPropertiesTest::withConnections);
    }

    private static Report withConnections(Report report, List<Integer> picks) {
        List<Node> processes = report.topology(TopologyId.PROCESS).nodes().nodes();
        if (processes.isEmpty() || picks.size() < 2) return report;
        Report.Builder b = report.toBuilder();
        for (int i = 0; i + 1 < picks.size(); i += 2) {
            String from = endpoint(b, processes.get(picks.get(i) % processes.size()), 40000 + i);
            int to = picks.get(i + 1);
            String target = to % 5 == 0 ? ";93.184." + (to % 7) + ".1;443"
                    : endpoint(b, processes.get(to % processes.size()), 80 + to % 3);
            b.node(TopologyId.ENDPOINT, Node.builder(from, "endpoint").adjacent(target).build());
            if (to % 5 == 0) b.node(TopologyId.ENDPOINT, Node.builder(";93.184." + (to % 7) + ".1;443", "endpoint").build());
        }
        return b.build();
    }

    /** An endpoint owned by {@code process} on its host. */
    private static String endpoint(Report.Builder b, Node process, int port) {
        String[] hostAndPid = process.id().split(";", 2);
        String id = ";10.1." + Math.abs(process.id().hashCode() % 250) + ".1;" + port;
        b.node(TopologyId.ENDPOINT, Node.builder(id, "endpoint").latest("pid", hostAndPid.length > 1 ? hostAndPid[1] : "1", 1)
                .latest("host_node_id", hostAndPid[0] + ";<host>", 1).build());
        return id;
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

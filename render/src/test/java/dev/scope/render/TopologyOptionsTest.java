package dev.scope.render;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Topology options filter as in Weave Scope 1.13, and the list's statistics follow them. */
class TopologyOptionsTest {
    private final Views views = new Views();

    private static Report cluster() {
        return TestReports.withHost("h1", "10.0.0.0/8")
                .container("h1", "c1", "web", "running", "10.0.0.2")
                .container("h1", "c2", "old", "exited", null)
                .container("h1", "c3", "weavescope", "running", null)
                .process("h1", "10", "httpd", "c1")
                .process("h1", "11", "idle", null)
                .build();
    }

    @Test
    void withoutQueryOnlyTheBaseFilterApplies() throws Exception {
        assertThat(views.topology(cluster(), "containers", Map.of()).nodes())
                .containsOnlyKeys("c1;<container>", "c2;<container>", "c3;<container>");
    }

    @Test
    void anyQueryParameterAppliesEveryDefault() throws Exception {
        assertThat(views.topology(cluster(), "containers", Map.of("t", "1s")).nodes()).containsOnlyKeys("c1;<container>");
    }

    @Test
    void stoppedAndSystemContainersShowWhenAsked() throws Exception {
        assertThat(views.topology(cluster(), "containers", Map.of("stopped", "stopped", "system", "all")).nodes())
                .containsOnlyKeys("c2;<container>");
        assertThat(views.topology(cluster(), "containers", Map.of("stopped", "both", "system", "system")).nodes())
                .containsOnlyKeys("c3;<container>");
    }

    @Test
    void unconnectedProcessesHideByDefaultOnceAnyOptionIsGiven() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .process("h1", "10", "curl", null)
                .process("h1", "11", "idle", null)
                .process("h1", "12", "httpd", null)
                .endpoint("h1", ";10.0.0.5;40000", "10", ";10.0.0.5;80")
                .endpoint("h1", ";10.0.0.5;80", "12")
                .build();

        assertThat(views.topology(r, "processes", Map.of()).nodes()).containsOnlyKeys("h1;10", "h1;11", "h1;12");
        assertThat(views.topology(r, "processes", Map.of("unconnected", "hide")).nodes()).containsOnlyKeys("h1;10", "h1;12");
        assertThat(views.topology(r, "processes-by-name", Map.of("unconnected", "hide")).nodes()).containsOnlyKeys("curl", "httpd");
    }

    @Test
    void statisticsCountNodesEdgesAndFilteredNodesUnderTheQuery() {
        TopologyList list = views.topologyList(cluster(), Map.of("stopped", "running"));

        TopologyList.TopologyDesc containers = list.topologies().stream().filter(d -> d.name().equals("Containers")).findFirst().orElseThrow();
        // Filtered: the stopped container, the system container and the unconnected "Uncontained" node.
        assertThat(containers.stats()).isEqualTo(new TopologyList.TopologyStats(1, 1, 0, 3));
        assertThat(list.topologies()).extracting(TopologyList.TopologyDesc::name)
                .containsExactly("Containers", "Hosts", "Pods", "Processes", "Services", "Tasks");
    }

    @Test
    void kubernetesNamespacesBecomeAUnionOption() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .node(TopologyId.NAMESPACE, Node.builder("ns-a;<namespace>", "namespace").latest("kubernetes_name", "shop", TestReports.T).build())
                .node(TopologyId.NAMESPACE, Node.builder("ns-b;<namespace>", "namespace").latest("kubernetes_name", "blog", TestReports.T).build())
                .node(TopologyId.POD, pod("p1", "shop"))
                .node(TopologyId.POD, pod("p2", "blog"))
                .build();

        TopologyList.TopologyDesc pods = views.topologyList(r, Map.of()).topologies().stream()
                .filter(d -> d.name().equals("Pods")).findFirst().orElseThrow();
        TopologyList.OptionGroup namespace = pods.options().getLast();
        assertThat(namespace.id()).isEqualTo("namespace");
        assertThat(namespace.selectType()).isEqualTo("union");
        assertThat(namespace.noneLabel()).isEqualTo("All Namespaces");
        assertThat(namespace.options()).extracting(TopologyList.Option::value).containsExactly("blog", "shop");
        assertThat(views.topology(r, "pods", Map.of("namespace", "shop")).nodes()).containsOnlyKeys("p1;<pod>");
        assertThat(views.topology(r, "pods", Map.of("namespace", "shop,blog")).nodes()).containsOnlyKeys("p1;<pod>", "p2;<pod>");
    }

    private static Node pod(String id, String namespace) {
        return Node.builder(id + ";<pod>", "pod").latest("kubernetes_name", id, TestReports.T)
                .latest("kubernetes_namespace", namespace, TestReports.T).build();
    }

    @Test
    void nodeDetailsFindANodeTheOptionsWouldHide() throws Exception {
        assertThat(views.node(cluster(), "containers", "c2;<container>", Map.of("stopped", "running"))).isPresent();
        assertThat(views.node(cluster(), "containers", "nope;<container>", Map.of())).isEmpty();
    }

    @Test
    void nodesWithAnUnknownTopologyFieldAreNeitherListedNorDetailed() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .node(TopologyId.PROCESS, Node.builder("h1;99", "no-such-topology").latest("pid", "99", TestReports.T).build())
                .build();

        assertThat(views.topology(r, "processes", Map.of()).nodes()).isEmpty();
        assertThat(views.node(r, "processes", "h1;99", Map.of())).isEmpty();
    }

    @Test
    void unknownTopologiesAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> views.topology(cluster(), "nodes", Map.of()))
                .isInstanceOf(UnknownTopologyException.class).hasMessageContaining("nodes");
    }
}

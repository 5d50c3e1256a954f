package dev.scope.render;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of pseudo node Weave Scope draws, from small hand-built reports. */
class PseudoNodesTest {
    private final Views views = new Views();

    @Test
    void outboundConnectionsToNonLocalAddressesGoToTheOutboundInternet() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .process("h1", "10", "curl", null)
                .endpoint("h1", ";10.0.0.5;40000", "10", ";8.8.8.8;443")
                .remoteEndpoint(";8.8.8.8;443")
                .build();

        RenderedTopology t = views.topology(r, "processes", Map.of());

        NodeSummary internet = t.nodes().get("out-theinternet");
        assertThat(internet.label()).isEqualTo("The Internet");
        assertThat(internet.labelMinor()).isEqualTo("Outbound connections");
        assertThat(internet.shape()).isEqualTo("cloud");
        assertThat(internet.pseudo()).isTrue();
        assertThat(internet.rank()).isEqualTo("out-theinternet");
        assertThat(t.nodes().get("h1;10").adjacency()).containsExactly("out-theinternet");
    }

    @Test
    void inboundConnectionsFromNonLocalAddressesComeFromTheInboundInternet() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .process("h1", "20", "nginx", null)
                .endpoint("h1", ";10.0.0.5;80", "20")
                .remoteEndpoint(";203.0.113.7;51000", ";10.0.0.5;80")
                .build();

        RenderedTopology t = views.topology(r, "processes", Map.of());

        NodeSummary internet = t.nodes().get("in-theinternet");
        assertThat(internet.labelMinor()).isEqualTo("Inbound connections");
        assertThat(internet.adjacency()).containsExactly("h1;20");
    }

    @Test
    void addressesInLocalNetworksAreNotTheInternet() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .process("h1", "10", "curl", null)
                .endpoint("h1", ";10.0.0.5;40000", "10", ";10.9.9.9;443")
                .remoteEndpoint(";10.9.9.9;443")
                .build();

        assertThat(views.topology(r, "processes", Map.of()).nodes()).containsOnlyKeys("h1;10");
    }

    @Test
    void ipv6PeersAreNotTheInternetAsInWeave() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .process("h1", "10", "curl", null)
                .endpoint("h1", ";10.0.0.5;40000", "10", ";2001:db8::1;443")
                .remoteEndpoint(";2001:db8::1;443")
                .build();

        assertThat(views.topology(r, "processes", Map.of()).nodes()).containsOnlyKeys("h1;10");
    }

    @Test
    void knownCloudServicesGetTheirOwnNodeNamedByDns() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .process("h1", "10", "backup", null)
                .endpoint("h1", ";10.0.0.5;40000", "10", ";52.1.2.3;443")
                .remoteEndpoint(";52.1.2.3;443")
                .dns("52.1.2.3", "mybucket.s3.amazonaws.com")
                .build();

        RenderedTopology t = views.topology(r, "processes", Map.of());

        NodeSummary service = t.nodes().get("service-mybucket.s3.amazonaws.com");
        assertThat(service.label()).isEqualTo("mybucket.s3.amazonaws.com");
        assertThat(service.shape()).isEqualTo("cloud");
        assertThat(service.pseudo()).isTrue();
    }

    @Test
    void ec2HostNamesAreTooGenericToBeKnownServices() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .process("h1", "10", "curl", null)
                .endpoint("h1", ";10.0.0.5;40000", "10", ";52.1.2.3;443")
                .remoteEndpoint(";52.1.2.3;443")
                .dns("52.1.2.3", "ec2-52-1-2-3.compute-1.amazonaws.com")
                .build();

        assertThat(views.topology(r, "processes", Map.of()).nodes()).containsKey("out-theinternet")
                .doesNotContainKey("service-ec2-52-1-2-3.compute-1.amazonaws.com");
    }

    @Test
    void processesOutsideContainersAreUncontainedPerHost() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .container("h1", "c1", "db", "running", "10.0.0.9")
                .process("h1", "10", "psql", null)
                .process("h1", "30", "postgres", "c1")
                .endpoint("h1", ";10.0.0.5;40000", "10", ";10.0.0.9;5432")
                .endpoint("h1", ";10.0.0.9;5432", "30")
                .build();

        RenderedTopology t = views.topology(r, "containers", Map.of());

        NodeSummary uncontained = t.nodes().get("pseudo:uncontained:h1");
        assertThat(uncontained.label()).isEqualTo("Uncontained");
        assertThat(uncontained.labelMinor()).isEqualTo("h1");
        assertThat(uncontained.shape()).isEqualTo("square");
        assertThat(uncontained.stack()).isTrue();
        assertThat(uncontained.adjacency()).containsExactly("c1;<container>");
        assertThat(views.topology(r, "containers", Map.of("pseudo", "hide")).nodes()).doesNotContainKey("pseudo:uncontained:h1");
    }

    @Test
    void unconnectedPseudoNodesAreNeverShown() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .container("h1", "c1", "db", "running", "10.0.0.9")
                .process("h1", "10", "cron", null)
                .build();

        assertThat(views.topology(r, "containers", Map.of()).nodes()).containsOnlyKeys("c1;<container>");
    }

    @Test
    void containersOutsideAnyPodAreUnmanaged() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .container("h1", "c1", "client", "running", "10.0.0.8")
                .container("h1", "c2", "server", "running", "10.0.0.9")
                .node(TopologyId.CONTAINER, Node.builder("c2;<container>", "container").parent("pod", "p1;<pod>").build())
                .node(TopologyId.POD, Node.builder("p1;<pod>", "pod").latest("kubernetes_name", "server-pod", TestReports.T)
                        .latest("kubernetes_namespace", "shop", TestReports.T).parent("host", "h1;<host>").build())
                .process("h1", "10", "curl", "c1")
                .process("h1", "30", "httpd", "c2")
                .endpoint("h1", ";10.0.0.8;40000", "10", ";10.0.0.9;80")
                .endpoint("h1", ";10.0.0.9;80", "30")
                .build();

        RenderedTopology pods = views.topology(r, "pods", Map.of());

        NodeSummary unmanaged = pods.nodes().get("pseudo:unmanaged:h1");
        assertThat(unmanaged.label()).isEqualTo("Unmanaged");
        assertThat(unmanaged.labelMinor()).isEqualTo("h1");
        assertThat(unmanaged.adjacency()).containsExactly("p1;<pod>");
        NodeSummary pod = pods.nodes().get("p1;<pod>");
        assertThat(pod.label()).isEqualTo("server-pod");
        assertThat(pod.labelMinor()).isEqualTo("1 container");
        assertThat(pod.rank()).isEqualTo("shop/server-pod");
        assertThat(views.topology(r, "pods", Map.of("pseudo", "hide")).nodes()).containsOnlyKeys("p1;<pod>");
    }

    @Test
    void internetConnectionTablesBreakOutRemoteAddressesWithTheirDnsNames() throws Exception {
        Report r = TestReports.withHost("h1", "10.0.0.0/8")
                .process("h1", "10", "curl", null)
                .endpoint("h1", ";10.0.0.5;40000", "10", ";8.8.8.8;443")
                .endpoint("h1", ";10.0.0.5;40001", "10", ";1.1.1.1;443")
                .remoteEndpoint(";8.8.8.8;443")
                .remoteEndpoint(";1.1.1.1;443")
                .dns("8.8.8.8", "dns.google")
                .build();

        NodeDetails internet = views.node(r, "processes", "out-theinternet", Map.of()).orElseThrow();

        NodeDetails.ConnectionsTable inbound = internet.connections().getFirst();
        assertThat(inbound.columns()).extracting(NodeDetails.GroupColumn::id).containsExactly("remote", "port", "count");
        assertThat(inbound.connections()).extracting(NodeDetails.Connection::id)
                .containsExactly("h1;10--1.1.1.1-443", "h1;10--dns.google (8.8.8.8)-443");
        NodeDetails.Connection first = inbound.connections().getFirst();
        assertThat(first.label()).isEqualTo("curl");
        assertThat(first.labelMinor()).isEqualTo("h1 (10)");
        assertThat(first.metadata()).extracting(NodeSummary.MetadataRow::value).containsExactly("1.1.1.1", "443", "1");
    }
}

package dev.scope.report.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

class ReportUpgradeTest {
    private static final long NOW = 1_795_417_692_999_410_011L;

    @Test
    void leavesACurrentProbesReportAsItIs() throws Exception {
        Report capture = ReportCodec.decode(Fixtures.bytes(Fixtures.MSGPACK_GZ), WireFormat.MSGPACK, true, DecodeLimits.defaults());
        assertThat(ReportUpgrade.upgrade(capture)).isSameAs(capture);
    }

    @Test
    void givesPodsTheDeploymentsOfTheirReplicaSetsAsParents() {
        Report old = Report.builder()
                .node(TopologyId.REPLICA_SET, Node.builder("rs1;<replica_set>", "replica_set").parent("deployment", "d1;<deployment>").build())
                .node(TopologyId.POD, Node.builder("p1;<pod>", "pod").parent("replica_set", "rs1;<replica_set>", "gone;<replica_set>")
                        .parent("host", "h;<host>").build())
                .build();
        Node pod = ReportUpgrade.upgrade(old).topology(TopologyId.POD).nodes().get("p1;<pod>");
        assertThat(pod.parentIds("deployment")).containsExactly("d1;<deployment>");
        assertThat(pod.parentIds("host")).containsExactly("h;<host>");
        assertThat(pod.parents().containsKey("replica_set")).isFalse();
    }

    @Test
    void makesNamespaceNodesFromTheNamespacesOfLiveKubernetesNodes() {
        Report old = Report.builder().timestamp(NOW)
                .node(TopologyId.POD, Node.builder("p1;<pod>", "pod").latest("kubernetes_namespace", "shop", 1).build())
                .node(TopologyId.POD, Node.builder("p2;<pod>", "pod").latest("kubernetes_namespace", "old", 1)
                        .latest("kubernetes_state", "deleted", 1).build())
                .node(TopologyId.SERVICE, Node.builder("s1;<service>", "service").latest("kubernetes_namespace", "kube-system", 1).build())
                .build();
        var namespaces = ReportUpgrade.upgrade(old).topology(TopologyId.NAMESPACE).nodes();
        assertThat(namespaces.nodes()).extracting(Node::id).containsExactly("kube-system;<namespace>", "shop;<namespace>");
        assertThat(namespaces.get("shop;<namespace>").latest().get("kubernetes_name").timestamp()).isEqualTo(NOW);
    }

    @Test
    void gathersDnsNamesFromEndpointSetsByAddress() {
        Report old = Report.builder()
                .node(TopologyId.ENDPOINT, Node.builder(";10.0.0.5;80", "endpoint").set("snooped_dns_names", "web.local").build())
                .node(TopologyId.ENDPOINT, Node.builder(";10.0.0.5;443", "endpoint").set("reverse_dns_names", "web").build())
                .node(TopologyId.ENDPOINT, Node.builder("no-port", "endpoint").set("reverse_dns_names", "x").build())
                .build();
        var dns = ReportUpgrade.upgrade(old).dns();
        assertThat(dns.size()).isEqualTo(1);
        assertThat(dns.get("10.0.0.5").forward()).containsExactly("web.local");
        assertThat(dns.get("10.0.0.5").reverse()).containsExactly("web");
    }
}

package dev.scope.render;

import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pods, controllers, services and storage, from small hand-built Kubernetes reports. */
class KubernetesViewsTest {
    private static final long T = TestReports.T;
    private final Views views = new Views();

    private static Node k8s(String id, String topology, String name) {
        return Node.builder(id, topology).latest("kubernetes_name", name, T).latest("kubernetes_namespace", "shop", T).build();
    }

    private static Report shop() {
        return TestReports.withHost("h1", "10.0.0.0/8")
                .node(TopologyId.POD, Node.builder("p1;<pod>", "pod").latest("kubernetes_name", "web-1", T)
                        .latest("kubernetes_namespace", "shop", T).latest("kubernetes_ip", "10.0.0.20", T)
                        .latest("kubernetes_volume_claim", "data", T)
                        .parent("replica_set", "rs1;<replica_set>").parent("service", "s1;<service>", "s2;<service>").build())
                .node(TopologyId.POD, Node.builder("p2;<pod>", "pod").latest("kubernetes_name", "client", T)
                        .latest("kubernetes_namespace", "shop", T).latest("kubernetes_ip", "10.0.0.21", T).build())
                .node(TopologyId.REPLICA_SET, Node.builder("rs1;<replica_set>", "replica_set").parent("deployment", "d1;<deployment>").build())
                .node(TopologyId.DEPLOYMENT, k8s("d1;<deployment>", "deployment", "web"))
                .node(TopologyId.SERVICE, k8s("s1;<service>", "service", "web"))
                .node(TopologyId.SERVICE, k8s("s2;<service>", "service", "web-internal"))
                .node(TopologyId.PERSISTENT_VOLUME_CLAIM, Node.builder("pvc1;<persistent_volume_claim>", "persistent_volume_claim")
                        .latest("kubernetes_name", "data", T).latest("kubernetes_namespace", "shop", T)
                        .latest("kubernetes_volume_name", "pv-data", T).build())
                .node(TopologyId.PERSISTENT_VOLUME, Node.builder("pv1;<persistent_volume>", "persistent_volume")
                        .latest("kubernetes_name", "pv-data", T).build())
                // client (p2) calls web (p1) by pod IP; no process knows the connection.
                .endpoint("h1", ";10.0.0.21;40000", null, ";10.0.0.20;80")
                .endpoint("h1", ";10.0.0.20;80", null)
                .build();
    }

    @Test
    void podsAreJoinedByTheirIpAddresses() throws Exception {
        RenderedTopology pods = views.topology(shop(), "pods", Map.of("storage", "hide"));
        assertThat(pods.nodes()).containsOnlyKeys("p1;<pod>", "p2;<pod>");
        assertThat(pods.nodes().get("p2;<pod>").adjacency()).containsExactly("p1;<pod>");
    }

    @Test
    void storageShowsClaimsAndVolumesWhenAsked() throws Exception {
        RenderedTopology pods = views.topology(shop(), "pods", Map.of("storage", "show"));
        assertThat(pods.nodes()).containsKeys("pvc1;<persistent_volume_claim>", "pv1;<persistent_volume>");
        assertThat(pods.nodes().get("p1;<pod>").adjacency()).contains("pvc1;<persistent_volume_claim>");
        assertThat(pods.nodes().get("pvc1;<persistent_volume_claim>").adjacency()).containsExactly("pv1;<persistent_volume>");
        assertThat(pods.nodes().get("pvc1;<persistent_volume_claim>").shape()).isEqualTo("dottedcylinder");
    }

    @Test
    void podsOfReplicaSetsAreShownUnderTheirDeployment() throws Exception {
        RenderedTopology controllers = views.topology(shop(), "kube-controllers", Map.of());
        NodeSummary web = controllers.nodes().get("d1;<deployment>");
        assertThat(web.label()).isEqualTo("web");
        assertThat(web.labelMinor()).isEqualTo("Deployment of 1 pod");
        assertThat(web.rank()).isEqualTo("shop/web");
        assertThat(web.stack()).isTrue();
    }

    @Test
    void aPodInTwoServicesAppearsInBoth() throws Exception {
        RenderedTopology services = views.topology(shop(), "services", Map.of());
        assertThat(services.nodes()).containsKeys("s1;<service>", "s2;<service>");
        assertThat(services.nodes().get("s1;<service>").labelMinor()).isEqualTo("1 pod");
        assertThat(services.nodes().get("s2;<service>").labelMinor()).isEqualTo("1 pod");
    }

    @Test
    void kubernetesTopologiesAreEmptyWithoutKubernetes() throws Exception {
        Report docker = TestReports.withHost("h1", "10.0.0.0/8").container("h1", "c1", "web", "running", null).build();
        assertThat(views.topology(docker, "pods", Map.of()).nodes()).isEmpty();
        assertThat(views.topology(docker, "kube-controllers", Map.of()).nodes()).isEmpty();
        assertThat(views.topology(docker, "swarm-services", Map.of()).nodes()).isEmpty();
        assertThat(views.topology(docker, "ecs-tasks", Map.of()).nodes()).isEmpty();
    }
}

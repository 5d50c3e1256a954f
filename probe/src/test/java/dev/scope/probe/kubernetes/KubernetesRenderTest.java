package dev.scope.probe.kubernetes;

import dev.scope.probe.InMemoryPipes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ProbeContext;
import dev.scope.probe.ReporterRegistry;
import dev.scope.probe.process.ProcessSnapshot;
import dev.scope.render.NodeSummary;
import dev.scope.render.RenderedTopology;
import dev.scope.render.Views;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The render's Kubernetes views over a report the module made from fabric8's mock API server. */
class KubernetesRenderTest {
    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client;

    @org.junit.jupiter.api.AfterEach
    void stopCluster() {
        cluster.close();
    }

    private final Views views = new Views();

    @Test
    void podsControllersAndServicesAreShown() throws Exception {
        ShopCluster.create(client);
        ReporterRegistry registry = new ReporterRegistry();
        String podUid = client.pods().inNamespace(ShopCluster.NS).withName("web-1").get().getMetadata().getUid();
        try (KubernetesModule module = new KubernetesModule(client, new KubernetesConfig(KubernetesConfig.Role.ALL, "node-1", "probe-1", "host-1"), false)) {
            module.install(new ProbeContext("probe-1", "host-1", "host-1;<host>", ProbeConfig.defaults(List.of()), registry,
                    new ControlRegistry(false), r -> { }, new InMemoryPipes(), () -> ProcessSnapshot.EMPTY));
            await().atMost(Duration.ofSeconds(30)).until(module::synced);
            // A running container of web-1, as the Docker reporter would send it, joined to its pod by the tagger.
            Report containers = Report.builder().timestamp(1).node(TopologyId.CONTAINER, Node.builder("c1;<container>", "container")
                    .putLatest("docker_container_id", "c1", 1).putLatest("docker_container_name", "k8s_web_web-1", 1)
                    .putLatest("docker_container_state", "running", 1)
                    .putLatest("docker_label_io.kubernetes.pod.uid", podUid, 1).build()).build();
            Report report = registry.reporters().getFirst().report().merge(containers);
            for (var tagger : registry.taggers()) report = tagger.tag(report);

            RenderedTopology pods = views.topology(report, "pods", Map.of());
            assertThat(pods.nodes().values()).extracting(NodeSummary::label).contains("web-1", "logs-a", "db-0", "nightly-1-x");
            NodeSummary web1 = pods.nodes().get(podUid + ";<pod>");
            assertThat(web1.rank()).isEqualTo("shop/web-1");

            RenderedTopology controllers = views.topology(report, "kube-controllers", Map.of());
            assertThat(controllers.nodes().values()).extracting(NodeSummary::label).contains("web", "logs", "db", "nightly");
            NodeSummary web = controllers.nodes().values().stream().filter(n -> n.label().equals("web")).findFirst().orElseThrow();
            assertThat(web.labelMinor()).isEqualTo("Deployment of 1 pod");

            RenderedTopology services = views.topology(report, "services", Map.of());
            assertThat(services.nodes().values()).extracting(NodeSummary::label).contains("web", "db");

            // The pod's details list its container as a child and its deployment and service as parents.
            var details = views.node(report, "pods", podUid + ";<pod>", Map.of()).orElseThrow();
            assertThat(details.children()).flatExtracting(g -> g.nodes()).extracting(NodeSummary::id).contains("c1;<container>");
            assertThat(details.summary().parents()).extracting(NodeSummary.Parent::topologyId).contains("kube-controllers", "services");
            // Its controls are offered, addressed to this probe.
            assertThat(details.controls()).extracting(c -> c.id()).contains("kubernetes_get_logs", "kubernetes_delete_pod", "kubernetes_describe");
            assertThat(details.controls()).extracting(c -> c.probeId()).containsOnly("probe-1");
        }
    }
}

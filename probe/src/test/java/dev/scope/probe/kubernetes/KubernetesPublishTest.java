package dev.scope.probe.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scope.probe.FakeApp;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ScopeProbe;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole probe with the Kubernetes module publishes pods and controllers to an app, through the msgpack codec. */
class KubernetesPublishTest {
    private final MockCluster cluster = new MockCluster();
    private final KubernetesClient client = cluster.client;

    @org.junit.jupiter.api.AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void podsAndControllersReachTheApp() throws Exception {
        ShopCluster.create(client);
        String podId = client.pods().inNamespace(ShopCluster.NS).withName("web-1").get().getMetadata().getUid() + ";<pod>";
        KubernetesModule module = new KubernetesModule(client, new KubernetesConfig(KubernetesConfig.Role.ALL, "node-1", "probe-k8s", "testhost"), false);
        try (FakeApp app = new FakeApp("app-k8s");
             ScopeProbe probe = ScopeProbe.start(ProbeConfig.defaults(List.of(app.address())).withProbeId("probe-k8s")
                     .withHostname("testhost").withIntervals(Duration.ofMillis(300), Duration.ofMillis(900))
                     .withPluginsRoot(null).withModules(List.of(module), false))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            // Merged as an app merges them: between full reports the probe sends deltas (as Weave Scope's does),
            // which leave out what has not changed since the last full one.
            Report merged = Report.empty();
            Report seen = null;
            while (System.nanoTime() < deadline) {
                FakeApp.Received r = app.nextReport(30);
                if (r == null || r.report().shortcut()) continue;
                merged = merged.merge(r.report());
                if (merged.topology(TopologyId.POD).nodes().contains(podId)
                        && !merged.topology(TopologyId.DEPLOYMENT).nodes().isEmpty()) {
                    seen = merged;
                    break;
                }
            }
            assertThat(seen).as("a full report with web-1 and the deployments").isNotNull();
            Node pod = seen.topology(TopologyId.POD).nodes().get(podId);
            assertThat(pod.latestValue("kubernetes_name")).isEqualTo("web-1");
            assertThat(pod.parentIds("host")).containsExactly("testhost;<host>");
            assertThat(pod.latestValue("control_probe_id")).isEqualTo("probe-k8s");
            assertThat(seen.topology(TopologyId.POD).controls().toMap()).containsKey("kubernetes_get_logs");
            // The probe's own host node offers cordon, next to host_exec.
            assertThat(seen.topology(TopologyId.HOST).nodes().get("testhost;<host>").latestValue("active_controls"))
                    .contains("host_exec").contains("kubernetes_cordon_node");
            assertThat(seen.topology(TopologyId.HOST).controls().toMap()).containsKeys("kubernetes_cordon_node", "kubernetes_uncordon_node");
            assertThat(probe.controls().controlIds()).contains("kubernetes_get_logs", "kubernetes_scale_up", "kubernetes_cordon_node");
        }
    }
}

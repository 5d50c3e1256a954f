package dev.scope.probe.kubernetes;

import dev.scope.probe.InMemoryPipes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ControlRequest;
import dev.scope.probe.ControlResponse;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ProbeContext;
import dev.scope.probe.Reporter;
import dev.scope.probe.ReporterRegistry;
import dev.scope.probe.process.ProcessSnapshot;
import dev.scope.report.Node;
import dev.scope.report.Report;
import dev.scope.report.TopologyId;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes module against fabric8's CRUD mock API server: informers, report, tagger and controls. */
class KubernetesModuleTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final MockCluster cluster = new MockCluster();
    private final io.fabric8.kubernetes.client.server.mock.KubernetesMockServer server = cluster.server;
    private final KubernetesClient client = cluster.client;

    private final List<Report> shortcuts = new CopyOnWriteArrayList<>();
    private final InMemoryPipes pipes = new InMemoryPipes();
    private final ControlRegistry controls = new ControlRegistry(false);
    private final ReporterRegistry registry = new ReporterRegistry();
    private KubernetesModule module;

    @AfterEach
    void stop() {
        try {
            if (module != null) module.close();
        } finally {
            cluster.close();
        }
    }

    /** The mock only applies metadata.* field selectors, so the module filters pods by node itself here. */
    private KubernetesModule start(KubernetesConfig.Role role, String nodeName) {
        module = new KubernetesModule(client, new KubernetesConfig(role, nodeName, "probe-1", "host-1"), false);
        module.install(new ProbeContext("probe-1", "host-1", "host-1;<host>", ProbeConfig.defaults(List.of()), registry,
                controls, shortcuts::add, pipes, () -> ProcessSnapshot.EMPTY));
        await().atMost(WAIT).until(module::synced);
        return module;
    }

    private Report report() throws Exception {
        Reporter reporter = registry.reporters().stream().filter(r -> r.name().equals("kubernetes")).findFirst().orElseThrow();
        return reporter.report();
    }

    private String uid(String kind, String name) {
        return switch (kind) {
            case "pod" -> client.pods().inNamespace(ShopCluster.NS).withName(name).get().getMetadata().getUid();
            case "deployment" -> client.apps().deployments().inNamespace(ShopCluster.NS).withName(name).get().getMetadata().getUid();
            case "service" -> client.services().inNamespace(ShopCluster.NS).withName(name).get().getMetadata().getUid();
            case "daemonset" -> client.apps().daemonSets().inNamespace(ShopCluster.NS).withName(name).get().getMetadata().getUid();
            case "statefulset" -> client.apps().statefulSets().inNamespace(ShopCluster.NS).withName(name).get().getMetadata().getUid();
            case "cronjob" -> client.batch().v1().cronjobs().inNamespace(ShopCluster.NS).withName(name).get().getMetadata().getUid();
            case "job" -> client.batch().v1().jobs().inNamespace(ShopCluster.NS).withName(name).get().getMetadata().getUid();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Test
    void objectsAppearWithWeaveScopesIdsKeysAndParents() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.ALL, "node-1");
        Report r = report();

        String web1 = uid("pod", "web-1") + ";<pod>";
        assertThat(r.topology(TopologyId.POD).nodes().nodes()).extracting(Node::id)
                .contains(web1).doesNotContain(uid("pod", "web-2") + ";<pod>"); // web-2 runs on node-2
        Node pod = r.topology(TopologyId.POD).nodes().get(web1);
        assertThat(pod.topology()).isEqualTo("pod");
        assertThat(pod.latestValue("kubernetes_name")).isEqualTo("web-1");
        assertThat(pod.latestValue("kubernetes_namespace")).isEqualTo("shop");
        assertThat(pod.latestValue("kubernetes_state")).isEqualTo("Running");
        assertThat(pod.latestValue("kubernetes_ip")).isEqualTo("10.32.0.5");
        assertThat(pod.latestValue("kubernetes_restart_count")).isEqualTo("1");
        assertThat(pod.latestValue("kubernetes_volume_claim")).isEqualTo("data");
        assertThat(pod.latestValue("kubernetes_labels_app")).isEqualTo("web");
        assertThat(pod.latestValue("kubernetes_created")).isNotBlank();
        assertThat(pod.latestValue("control_probe_id")).isEqualTo("probe-1");
        assertThat(pod.latestValue("active_controls")).isEqualTo("kubernetes_get_logs;kubernetes_delete_pod;kubernetes_describe");
        assertThat(pod.parentIds("deployment")).containsExactly(uid("deployment", "web") + ";<deployment>");
        assertThat(pod.parentIds("service")).containsExactly(uid("service", "web") + ";<service>");
        assertThat(pod.parentIds("host")).containsExactly("host-1;<host>");
        assertThat(r.topology(TopologyId.POD).shape()).isEqualTo("heptagon");
        assertThat(r.topology(TopologyId.POD).controls().get("kubernetes_get_logs").human()).isEqualTo("Get logs");

        Node logsPod = r.topology(TopologyId.POD).nodes().get(uid("pod", "logs-a") + ";<pod>");
        assertThat(logsPod.parentIds("daemon_set")).containsExactly(uid("daemonset", "logs") + ";<daemonset>");
        Node dbPod = r.topology(TopologyId.POD).nodes().get(uid("pod", "db-0") + ";<pod>");
        assertThat(dbPod.parentIds("stateful_set")).containsExactly(uid("statefulset", "db") + ";<statefulset>");
        assertThat(dbPod.parentIds("service")).containsExactly(uid("service", "db") + ";<service>");
        Node jobPod = r.topology(TopologyId.POD).nodes().get(uid("pod", "nightly-1-x") + ";<pod>");
        assertThat(jobPod.parentIds("cron_job")).containsExactly(uid("cronjob", "nightly") + ";<cronjob>");
        assertThat(jobPod.parentIds("job")).containsExactly(uid("job", "nightly-1") + ";<job>");

        Node web = r.topology(TopologyId.DEPLOYMENT).nodes().get(uid("deployment", "web") + ";<deployment>");
        assertThat(web.latestValue("kubernetes_name")).isEqualTo("web");
        assertThat(web.latestValue("kubernetes_desired_replicas")).isEqualTo("2");
        assertThat(web.latestValue("kubernetes_strategy")).isEqualTo("RollingUpdate");
        assertThat(web.latestValue("kubernetes_node_type")).isEqualTo("Deployment");
        assertThat(web.latestValue("kubernetes_labels_tier")).isEqualTo("front");
        assertThat(web.latestValue("active_controls")).isEqualTo("kubernetes_scale_up;kubernetes_scale_down;kubernetes_describe");
        assertThat(r.topology(TopologyId.DEPLOYMENT).controls().toMap()).containsKeys("kubernetes_scale_up", "kubernetes_scale_down");
        Node rs = r.topology(TopologyId.REPLICA_SET).nodes().nodes().getFirst();
        assertThat(rs.id()).endsWith(";<replica_set>");
        assertThat(rs.parentIds("deployment")).containsExactly(web.id());

        Node service = r.topology(TopologyId.SERVICE).nodes().get(uid("service", "web") + ";<service>");
        assertThat(service.latestValue("kubernetes_ip")).isEqualTo("10.96.0.10");
        assertThat(service.latestValue("kubernetes_type")).isEqualTo("ClusterIP");
        assertThat(service.latestValue("kubernetes_ports")).isEqualTo("80/TCP");
        assertThat(r.topology(TopologyId.SERVICE).nodes().get(uid("service", "db") + ";<service>").latestValue("kubernetes_ports"))
                .isEqualTo("5432:30432/TCP");

        assertThat(r.topology(TopologyId.DAEMON_SET).nodes().get(uid("daemonset", "logs") + ";<daemonset>")
                .latestValue("kubernetes_desired_replicas")).isEqualTo("2");
        assertThat(r.topology(TopologyId.STATEFUL_SET).nodes().get(uid("statefulset", "db") + ";<statefulset>")
                .latestValue("kubernetes_desired_replicas")).isEqualTo("1");
        Node cron = r.topology(TopologyId.CRON_JOB).nodes().get(uid("cronjob", "nightly") + ";<cronjob>");
        assertThat(cron.latestValue("kubernetes_schedule")).isEqualTo("0 3 * * *");
        assertThat(cron.latestValue("kubernetes_suspended")).isEqualTo("false");
        assertThat(cron.latestValue("kubernetes_active_jobs")).isEqualTo("1");
        assertThat(cron.latestValue("kubernetes_last_scheduled")).isEqualTo("2026-11-23T03:00:00Z");
        assertThat(r.topology(TopologyId.JOB).nodes().get(uid("job", "nightly-1") + ";<job>")).isNotNull();
        assertThat(r.topology(TopologyId.NAMESPACE).nodes().get("shop;<namespace>").latestValue("kubernetes_name")).isEqualTo("shop");

        Node pvc = r.topology(TopologyId.PERSISTENT_VOLUME_CLAIM).nodes().nodes().getFirst();
        assertThat(pvc.id()).endsWith(";<persistent_volume_claim>");
        assertThat(pvc.latestValue("kubernetes_volume_name")).isEqualTo("pv-data");
        assertThat(pvc.latestValue("kubernetes_volume_capacity")).isEqualTo("1Gi");
        assertThat(pvc.latestValue("kubernetes_status")).isEqualTo("Bound");
        Node pv = r.topology(TopologyId.PERSISTENT_VOLUME).nodes().nodes().getFirst();
        assertThat(pv.latestValue("kubernetes_volume_claim")).isEqualTo("data");
        assertThat(pv.latestValue("kubernetes_storage_class_name")).isEqualTo("fast");
        Node sc = r.topology(TopologyId.STORAGE_CLASS).nodes().nodes().getFirst();
        assertThat(sc.id()).endsWith(";<storage_class>");
        assertThat(sc.latestValue("kubernetes_provisioner")).isEqualTo("kubernetes.io/no-provisioner");

        // The services' network is local to the cluster: 10.96.0.10 and 10.96.3.7 fit in 10.96.0.0/22.
        assertThat(r.topology(TopologyId.HOST).nodes().get("host-1;<host>").set("local_networks")).containsExactly("10.96.0.0/22");

        // While nothing changes, the report is reused rather than rebuilt.
        assertThat(report().topology(TopologyId.POD).nodes()).isSameAs(report().topology(TopologyId.POD).nodes());
    }

    @Test
    void aHostProbeReportsItsNodesPodsOnly() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.HOST, "node-2");
        Report host = report();
        assertThat(host.topology(TopologyId.POD).nodes().nodes()).extracting(n -> n.latestValue("kubernetes_name")).containsExactly("web-2");
        assertThat(host.topology(TopologyId.POD).nodes().nodes().getFirst().parentIds("deployment")).hasSize(1);
        assertThat(host.topology(TopologyId.SERVICE).nodes().isEmpty()).isTrue();
        assertThat(host.topology(TopologyId.DEPLOYMENT).nodes().isEmpty()).isTrue();
        assertThat(host.topology(TopologyId.PERSISTENT_VOLUME).nodes().isEmpty()).isTrue();
    }

    @Test
    void aClusterProbeReportsEverythingButPods() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.CLUSTER, null);
        Report cluster = report();
        assertThat(cluster.topology(TopologyId.POD).nodes().isEmpty()).isTrue();
        assertThat(cluster.topology(TopologyId.SERVICE).nodes().size()).isEqualTo(2);
        assertThat(cluster.topology(TopologyId.DEPLOYMENT).nodes().size()).isEqualTo(1);
        assertThat(cluster.topology(TopologyId.STORAGE_CLASS).nodes().size()).isEqualTo(1);
        assertThat(cluster.topology(TopologyId.HOST).controls().isEmpty()).isTrue(); // cordon belongs to host probes
    }

    @Test
    void podsThatComeAndGoArePublishedAtOnce() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.HOST, "node-1");
        client.pods().inNamespace(ShopCluster.NS).resource(ShopCluster.pod("web-3", "node-1", Map.of("app", "web"), "10.32.0.9", null)).create();
        String id = uid("pod", "web-3") + ";<pod>";
        await().atMost(WAIT).until(() -> shortcuts.stream().anyMatch(s -> s.shortcut() && s.topology(TopologyId.POD).nodes().contains(id)));

        client.pods().inNamespace(ShopCluster.NS).withName("web-3").delete();
        await().atMost(WAIT).until(() -> shortcuts.stream().anyMatch(s -> {
            Node n = s.topology(TopologyId.POD).nodes().get(id);
            return n != null && "deleted".equals(n.latestValue("kubernetes_state"));
        }));
        // A pod on another node is none of this probe's business.
        client.pods().inNamespace(ShopCluster.NS).resource(ShopCluster.pod("web-4", "node-2", Map.of("app", "web"), "10.32.1.9", null)).create();
        String other = uid("pod", "web-4") + ";<pod>";
        await().atMost(WAIT).until(() -> report().topology(TopologyId.POD).nodes().size() == 4);
        assertThat(shortcuts).noneMatch(s -> s.topology(TopologyId.POD).nodes().contains(other));
    }

    @Test
    void scaleUpAndDownChangeTheDeploymentsReplicas() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.CLUSTER, null);
        String web = uid("deployment", "web") + ";<deployment>";
        ControlResponse up = controls.handle(new ControlRequest("app-1", web, "kubernetes_scale_up", Map.of()));
        assertThat(up.error()).isNull();
        assertThat(client.apps().deployments().inNamespace(ShopCluster.NS).withName("web").get().getSpec().getReplicas()).isEqualTo(3);
        await().atMost(WAIT).until(() -> "3".equals(report().topology(TopologyId.DEPLOYMENT).nodes().get(web).latestValue("kubernetes_desired_replicas")));

        for (int i = 0; i < 3; i++) {
            assertThat(controls.handle(new ControlRequest("app-1", web, "kubernetes_scale_down", Map.of())).error()).isNull();
        }
        assertThat(client.apps().deployments().inNamespace(ShopCluster.NS).withName("web").get().getSpec().getReplicas()).isZero();
        assertThat(controls.handle(new ControlRequest("app-1", web, "kubernetes_scale_down", Map.of())).error()).contains("0 replicas");
        await().atMost(WAIT).until(() -> "kubernetes_scale_up;kubernetes_describe".equals(
                report().topology(TopologyId.DEPLOYMENT).nodes().get(web).latestValue("active_controls")));
    }

    @Test
    void deletePodRemovesItFromTheClusterAndTheView() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.HOST, "node-1");
        String id = uid("pod", "web-1") + ";<pod>";
        ControlResponse response = controls.handle(new ControlRequest("app-1", id, "kubernetes_delete_pod", Map.of()));
        assertThat(response.error()).isNull();
        assertThat(response.removedNode()).isEqualTo(id);
        assertThat(client.pods().inNamespace(ShopCluster.NS).withName("web-1").get()).isNull();
        await().atMost(WAIT).until(() -> !report().topology(TopologyId.POD).nodes().contains(id));
    }

    @Test
    void badNodeIdsGetClearErrors() {
        start(KubernetesConfig.Role.ALL, "node-1");
        assertThat(controls.handle(new ControlRequest("app-1", "nonsense", "kubernetes_delete_pod", Map.of())).error()).contains("Invalid ID");
        assertThat(controls.handle(new ControlRequest("app-1", "abc;<pod>", "kubernetes_get_logs", Map.of())).error()).contains("Pod not found");
        assertThat(controls.handle(new ControlRequest("app-1", "abc;<deployment>", "kubernetes_scale_up", Map.of())).error()).contains("not found");
        assertThat(controls.handle(new ControlRequest("app-1", "abc;<service>", "kubernetes_describe", Map.of())).error()).contains("Not found");
    }

    @Test
    void logsAreFollowedThroughAPipe() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.HOST, "node-1");
        server.expect().get().withPath("/api/v1/namespaces/shop/pods/web-1/log?pretty=false&container=web&timestamps=true&follow=true")
                .andReturn(200, "2026-11-23T10:00:00Z hello\n2026-11-23T10:00:01Z world\n").once();
        ControlResponse response = controls.handle(new ControlRequest("app-1", uid("pod", "web-1") + ";<pod>", "kubernetes_get_logs", Map.of()));
        assertThat(response.error()).isNull();
        assertThat(response.pipe()).isNotNull();
        InMemoryPipes.Pipe pipe = pipes.opened.get(response.pipe());
        await().atMost(WAIT).until(pipe::closed); // the stream ended, so the pipe closes, as in Weave Scope
        assertThat(pipe.output()).isEqualTo("[web] 2026-11-23T10:00:00Z hello\n[web] 2026-11-23T10:00:01Z world\n");
    }

    @Test
    void describeSendsTheObjectThroughAPipe() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.CLUSTER, null);
        ControlResponse response = controls.handle(new ControlRequest("app-1", uid("service", "web") + ";<service>", "kubernetes_describe", Map.of()));
        assertThat(response.error()).isNull();
        InMemoryPipes.Pipe pipe = pipes.opened.get(response.pipe());
        await().atMost(WAIT).until(pipe::closed);
        assertThat(pipe.output()).contains("kind: \"Service\"").contains("name: \"web\"").contains("clusterIP: \"10.96.0.10\"").contains("Events:");
    }

    @Test
    void cordonAndUncordonThisNode() throws Exception {
        ShopCluster.create(client);
        start(KubernetesConfig.Role.HOST, "node-1");
        assertThat(controls.handle(new ControlRequest("app-1", "host-1;<host>", "kubernetes_cordon_node", Map.of())).error()).isNull();
        assertThat(client.nodes().withName("node-1").get().getSpec().getUnschedulable()).isTrue();
        assertThat(client.nodes().withName("node-2").get().getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);

        // The tagger offers the opposite control on this host's node once the informer has seen the change.
        var tagger = registry.taggers().stream().filter(t -> t.name().equals("kubernetes")).findFirst().orElseThrow();
        Report withHost = Report.builder().node(TopologyId.HOST, Node.builder("host-1;<host>", "host")
                .putLatest("control_probe_id", "probe-1", 1).putLatest("active_controls", "host_exec", 1).build()).build();
        await().atMost(WAIT).until(() -> "host_exec;kubernetes_uncordon_node".equals(
                tagger.tag(withHost).topology(TopologyId.HOST).nodes().get("host-1;<host>").latestValue("active_controls")));

        assertThat(controls.handle(new ControlRequest("app-1", "host-1;<host>", "kubernetes_uncordon_node", Map.of())).error()).isNull();
        assertThat(client.nodes().withName("node-1").get().getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
        await().atMost(WAIT).until(() -> "host_exec;kubernetes_cordon_node".equals(
                tagger.tag(withHost).topology(TopologyId.HOST).nodes().get("host-1;<host>").latestValue("active_controls")));
    }

    @Test
    void containersJoinTheirPodsAndPauseContainersMakeNoConnections() throws Exception {
        start(KubernetesConfig.Role.HOST, "node-1");
        var tagger = registry.taggers().stream().filter(t -> t.name().equals("kubernetes")).findFirst().orElseThrow();
        Report containers = Report.builder()
                .node(TopologyId.CONTAINER, Node.builder("c1;<container>", "container")
                        .putLatest("docker_label_io.kubernetes.pod.uid", "pod-uid-1", 1).build())
                .node(TopologyId.CONTAINER, Node.builder("c2;<container>", "container")
                        .putLatest("docker_label_io.kubernetes.pod.uid", "pod-uid-1", 1).parent("container_image", "img;<container_image>").build())
                .node(TopologyId.CONTAINER_IMAGE, Node.builder("img;<container_image>", "container_image")
                        .putLatest("docker_image_name", "registry.k8s.io/pause:3.9", 1).build())
                .node(TopologyId.CONTAINER, Node.builder("c3;<container>", "container").build())
                .build();
        Report tagged = tagger.tag(containers);
        Node c1 = tagged.topology(TopologyId.CONTAINER).nodes().get("c1;<container>");
        assertThat(c1.parentIds("pod")).containsExactly("pod-uid-1;<pod>");
        assertThat(c1.latest().containsKey("does_not_make_connections")).isFalse();
        assertThat(tagged.topology(TopologyId.CONTAINER).nodes().get("c2;<container>").latest().containsKey("does_not_make_connections")).isTrue();
        assertThat(tagged.topology(TopologyId.CONTAINER).nodes().get("c3;<container>").parents().isEmpty()).isTrue();
    }

    @Test
    void readOnlyProbesRefuseKubernetesControls() throws Exception {
        ShopCluster.create(client);
        module = new KubernetesModule(client, new KubernetesConfig(KubernetesConfig.Role.ALL, "node-1", "probe-1", "host-1"), false);
        ControlRegistry readOnly = new ControlRegistry(true);
        module.install(new ProbeContext("probe-1", "host-1", "host-1;<host>", ProbeConfig.defaults(List.of()), registry,
                readOnly, shortcuts::add, pipes, () -> ProcessSnapshot.EMPTY));
        await().atMost(WAIT).until(module::synced);
        String id = uid("pod", "web-1") + ";<pod>";
        assertThat(readOnly.handle(new ControlRequest("app-1", id, "kubernetes_delete_pod", Map.of())).error()).contains("read-only");
        assertThat(client.pods().inNamespace(ShopCluster.NS).withName("web-1").get()).isNotNull();
        // Nor does it offer any, like the host reporter of a read-only probe.
        Report r = report();
        assertThat(r.topology(TopologyId.POD).nodes().get(id).latest().containsKey("active_controls")).isFalse();
        assertThat(r.topology(TopologyId.POD).controls().isEmpty()).isTrue();
        assertThat(r.topology(TopologyId.DEPLOYMENT).controls().isEmpty()).isTrue();
        assertThat(r.topology(TopologyId.HOST).controls().isEmpty()).isTrue();
    }
}

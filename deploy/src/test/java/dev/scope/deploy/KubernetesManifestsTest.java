package dev.scope.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every Kubernetes manifest, parsed strictly into fabric8's typed model, and what Scope needs of each. */
class KubernetesManifestsTest {
    static final Path DEPLOY = Path.of(System.getProperty("deploy.dir", "."));
    private static final List<String> SERVICE_COMPONENTS = List.of("gateway", "users", "collection", "query", "control", "pipe");

    @Test
    void theStrictReaderRefusesFieldsKubernetesDoesNotHave() {
        assertThatThrownBy(() -> Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers: [{name: c, image: i, imagePullPolicyy: Always}]
                """)).hasMessageContaining("imagePullPolicyy");
        assertThatThrownBy(() -> Manifests.parse("apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: x}\n"))
                .hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> Manifests.parse("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: many}]}\n"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void standaloneHasAppProbeDaemonSetAndClusterAgentRunningRealCommands() throws Exception {
        List<HasMetadata> objects = Manifests.parse(Files.readString(DEPLOY.resolve("kubernetes/standalone/scope.yaml")));
        Deployment app = find(objects, Deployment.class, "scope-app");
        DaemonSet probe = find(objects, DaemonSet.class, "scope-probe");
        Deployment agent = find(objects, Deployment.class, "scope-cluster-agent");

        Container appContainer = app.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(ScopeCli.command(appContainer.getArgs())).isEqualTo("app");
        assertThat(env(appContainer)).containsKey("SCOPE_TOKEN"); // listening beyond loopback needs it
        assertThat(appContainer.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");

        PodSpec probePod = probe.getSpec().getTemplate().getSpec();
        assertThat(probePod.getHostPID()).isTrue();
        assertThat(probePod.getHostNetwork()).isTrue();
        Container probeContainer = probePod.getContainers().getFirst();
        assertThat(probeContainer.getSecurityContext().getPrivileged()).isTrue();
        assertThat(ScopeCli.command(probeContainer.getArgs())).isEqualTo("probe");
        assertThat(env(probeContainer)).containsEntry("SCOPE_KUBERNETES_ROLE", "host").containsKeys("SCOPE_PROBE_TOKEN", "SCOPE_KUBERNETES_NODE_NAME");
        assertThat(probeContainer.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/var/run/docker.sock"));

        assertThat(agent.getSpec().getReplicas()).isEqualTo(1);
        Container agentContainer = agent.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(ScopeCli.command(agentContainer.getArgs())).isEqualTo("probe");
        assertThat(env(agentContainer)).containsEntry("SCOPE_KUBERNETES_ROLE", "cluster");
        assertThat(agentContainer.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);

        // The app's Service selects the app's pods.
        Service service = find(objects, Service.class, "scope-app");
        assertThat(app.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void probeRbacIsLimitedToWhatItReadsAndTheControlsItRuns() throws Exception {
        List<HasMetadata> objects = Manifests.parse(Files.readString(DEPLOY.resolve("kubernetes/standalone/scope.yaml")));
        for (ClusterRole role : ofType(objects, ClusterRole.class)) {
            for (PolicyRule rule : role.getRules()) {
                assertThat(rule.getVerbs()).as(role.getMetadata().getName()).doesNotContain("*", "create", "escalate", "bind", "impersonate");
                assertThat(rule.getResources()).as(role.getMetadata().getName()).doesNotContain("*", "secrets", "pods/exec");
                assertThat(rule.getApiGroups()).doesNotContain("*");
            }
        }
        ClusterRole host = find(objects, ClusterRole.class, "scope-probe-host");
        assertThat(verbs(host, "", "pods")).contains("list", "watch", "delete");
        assertThat(verbs(host, "", "pods/log")).containsExactly("get");
        assertThat(verbs(host, "", "nodes")).contains("patch"); // cordon
        ClusterRole cluster = find(objects, ClusterRole.class, "scope-probe-cluster");
        assertThat(verbs(cluster, "apps", "deployments")).contains("patch"); // scale
        assertThat(verbs(cluster, "", "pods")).isEmpty();
        for (ClusterRoleBinding b : ofType(objects, ClusterRoleBinding.class)) {
            assertThat(objects).anyMatch(o -> o instanceof ClusterRole && o.getMetadata().getName().equals(b.getRoleRef().getName()));
        }
    }

    @Test
    void serviceRendersEveryComponentWithProbesResourcesPdbAndHpa() throws Exception {
        List<HasMetadata> objects = Manifests.parse(renderService());
        for (String component : SERVICE_COMPONENTS) {
            String name = "scope-" + component;
            Deployment d = find(objects, Deployment.class, name);
            Container c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(c.getArgs()).containsExactly("service", component);
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
            assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).containsKey("memory");
            Map<String, String> env = env(c);
            assertThat(env).containsKeys("SCOPE_LISTEN", "SCOPE_DB_USER", "SCOPE_DB_PASSWORD");
            assertThat(c.getEnvFrom()).anyMatch(e -> e.getConfigMapRef() != null);
            int port = c.getPorts().getFirst().getContainerPort();
            assertThat(env.get("SCOPE_LISTEN")).isEqualTo("0.0.0.0:" + port);

            Service s = find(objects, Service.class, name);
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(s.getSpec().getSelector());
            PodDisruptionBudget pdb = find(objects, PodDisruptionBudget.class, name);
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            HorizontalPodAutoscaler hpa = find(objects, HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMetrics().getFirst().getResource().getName()).isEqualTo("cpu");
            assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        }
        // The gateway reaches every backend through its Service.
        Map<String, String> gateway = env(find(objects, Deployment.class, "scope-gateway").getSpec().getTemplate().getSpec().getContainers().getFirst());
        for (String backend : List.of("users", "collection", "query", "control", "pipe")) {
            Service s = find(objects, Service.class, "scope-" + backend);
            assertThat(gateway.get("SCOPE_" + backend.toUpperCase() + "_URL"))
                    .isEqualTo("http://scope-" + backend + ":" + s.getSpec().getPorts().getFirst().getPort());
        }
        // Nothing in the rendered output is left unrendered.
        assertThat(renderService()).doesNotContain("${");
    }

    @Test
    void servicePodsMeetTheRestrictedPodSecurityStandard() throws Exception {
        List<HasMetadata> objects = Manifests.parse(renderService());
        assertThat(ofType(objects, io.fabric8.kubernetes.api.model.Namespace.class).getFirst().getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (Deployment d : ofType(objects, Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String name = d.getMetadata().getName();
            assertThat(pod.getHostPID()).as(name).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostNetwork()).as(name).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getVolumes()).as(name).allMatch(v -> v.getHostPath() == null);
            for (Container c : pod.getContainers()) {
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(c.getSecurityContext().getCapabilities().getAdd()).as(name).isNullOrEmpty();
                assertThat(c.getSecurityContext().getPrivileged()).as(name).isNotEqualTo(Boolean.TRUE);
            }
        }
    }

    @Test
    void serviceComponentsRunRealCommands() throws Exception {
        assumeTrue(ScopeCli.hasCommand("service"), "the cli has no `scope service` command yet (issue 7): not checked");
        List<HasMetadata> objects = Manifests.parse(renderService());
        for (String component : SERVICE_COMPONENTS) {
            Container c = find(objects, Deployment.class, "scope-" + component).getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(ScopeCli.command(c.getArgs())).isEqualTo(component);
        }
    }

    @Test
    void renderingFailsOnAMissingValue() throws Exception {
        Path values = Files.createTempFile("values", ".env");
        try {
            Files.writeString(values, Files.readString(DEPLOY.resolve("kubernetes/service/values.env")).replace("IMAGE=", "#IMAGE="));
            Process p = new ProcessBuilder("bash", DEPLOY.resolve("kubernetes/service/render.sh").toString(), values.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isNotZero();
            assertThat(out).contains("IMAGE has no value");
        } finally {
            Files.delete(values);
        }
    }

    static String renderService() throws Exception {
        Process p = new ProcessBuilder("bash", DEPLOY.resolve("kubernetes/service/render.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("render.sh exit").isZero();
        return out;
    }

    private static List<String> verbs(ClusterRole role, String group, String resource) {
        return role.getRules().stream()
                .filter(r -> r.getApiGroups().contains(group) && r.getResources().contains(resource))
                .flatMap(r -> r.getVerbs().stream()).toList();
    }

    private static Map<String, String> env(Container c) {
        return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() == null ? "(from " + (e.getValueFrom() != null ? "ref" : "?") + ")" : e.getValue()));
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> type, String name) {
        return ofType(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}

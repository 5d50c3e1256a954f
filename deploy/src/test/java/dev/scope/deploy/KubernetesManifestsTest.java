package dev.scope.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Kubernetes manifest (plain files, and the Helm charts rendered by real Helm with their defaults and with an
 * override), parsed strictly into fabric8's typed model, and what Scope needs of each.
 */
class KubernetesManifestsTest {
    static final Path DEPLOY = Path.of(System.getProperty("deploy.dir", "."));
    static final Path OVERRIDES = DEPLOY.resolve("src/test/resources/helm");
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
        checkProbeRbac(Manifests.parse(Files.readString(DEPLOY.resolve("kubernetes/standalone/scope.yaml"))), "scope");
        checkProbeRbac(Manifests.parse(Charts.probe(null, Map.of())), "scope");
        checkProbeRbac(Manifests.parse(Charts.probe(OVERRIDES.resolve("probe-override.yaml"), Map.of())), "team-a");
    }

    private static void checkProbeRbac(List<HasMetadata> objects, String prefix) {
        for (ClusterRole role : ofType(objects, ClusterRole.class)) {
            for (PolicyRule rule : role.getRules()) {
                assertThat(rule.getVerbs()).as(role.getMetadata().getName()).doesNotContain("*", "create", "escalate", "bind", "impersonate");
                assertThat(rule.getResources()).as(role.getMetadata().getName()).doesNotContain("*", "secrets", "pods/exec");
                assertThat(rule.getApiGroups()).doesNotContain("*");
            }
        }
        ClusterRole host = find(objects, ClusterRole.class, prefix + "-probe-host");
        assertThat(verbs(host, "", "pods")).contains("list", "watch", "delete");
        assertThat(verbs(host, "", "pods/log")).containsExactly("get");
        assertThat(verbs(host, "", "nodes")).contains("patch"); // cordon
        ClusterRole cluster = find(objects, ClusterRole.class, prefix + "-probe-cluster");
        assertThat(verbs(cluster, "apps", "deployments")).contains("patch"); // scale
        assertThat(verbs(cluster, "", "pods")).isEmpty();
        List<String> serviceAccounts = ofType(objects, ServiceAccount.class).stream()
                .map(sa -> sa.getMetadata().getNamespace() + "/" + sa.getMetadata().getName()).toList();
        List<String> bound = new java.util.ArrayList<>();
        for (ClusterRoleBinding b : ofType(objects, ClusterRoleBinding.class)) {
            assertThat(ofType(objects, ClusterRole.class)).extracting(r -> r.getMetadata().getName()).contains(b.getRoleRef().getName());
            // Each binding names a service account of these files, in the namespace it is in.
            for (var subject : b.getSubjects()) {
                assertThat(serviceAccounts).as(b.getMetadata().getName()).contains(subject.getNamespace() + "/" + subject.getName());
                bound.add(subject.getName());
            }
        }
        // Every probe (host or cluster agent) runs as a service account bound to its role.
        for (HasMetadata o : objects) {
            PodSpec pod = o instanceof Deployment d ? d.getSpec().getTemplate().getSpec()
                    : o instanceof DaemonSet ds ? ds.getSpec().getTemplate().getSpec() : null;
            if (pod == null || !ScopeCli.command(pod.getContainers().getFirst().getArgs()).equals("probe")) continue;
            assertThat(bound).as(o.getMetadata().getName()).contains(pod.getServiceAccountName());
        }
    }

    @Test
    void probeChartRunsRealCommandsReportingToTheServiceWithTheTokenFromASecret() throws Exception {
        for (var render : List.of(
                new ProbeRender("defaults", "scope", "https://scope.example.com", "scope-token", Manifests.parse(Charts.probe(null, Map.of()))),
                new ProbeRender("override", "team-a", "https://scope.prod.example.org", "probe-token",
                        Manifests.parse(Charts.probe(OVERRIDES.resolve("probe-override.yaml"), Map.of()))))) {
            DaemonSet probe = find(render.objects(), DaemonSet.class, render.prefix() + "-probe");
            Deployment agent = find(render.objects(), Deployment.class, render.prefix() + "-cluster-agent");
            PodSpec probePod = probe.getSpec().getTemplate().getSpec();
            assertThat(probePod.getHostPID()).isTrue();
            assertThat(probePod.getHostNetwork()).isTrue();
            assertThat(probe.getSpec().getSelector().getMatchLabels()).isNotEmpty();
            assertThat(probe.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(probe.getSpec().getSelector().getMatchLabels());
            assertThat(agent.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(agent.getSpec().getSelector().getMatchLabels());
            for (Container c : List.of(probePod.getContainers().getFirst(), agent.getSpec().getTemplate().getSpec().getContainers().getFirst())) {
                assertThat(ScopeCli.command(c.getArgs())).as(render.label()).isEqualTo("probe");
                assertThat(c.getArgs().getLast()).as(render.label()).isEqualTo(render.serviceUrl());
                EnvVar token = c.getEnv().stream().filter(e -> e.getName().equals("SCOPE_PROBE_TOKEN")).findFirst().orElseThrow();
                assertThat(token.getValue()).isNull();
                assertThat(token.getValueFrom().getSecretKeyRef().getName()).as(render.label()).isEqualTo(render.tokenSecret());
            }
            assertThat(env(probePod.getContainers().getFirst())).containsEntry("SCOPE_KUBERNETES_ROLE", "host");
            assertThat(env(agent.getSpec().getTemplate().getSpec().getContainers().getFirst())).containsEntry("SCOPE_KUBERNETES_ROLE", "cluster");
            assertThat(agent.getSpec().getTemplate().getSpec().getContainers().getFirst().getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        }
    }

    private record ProbeRender(String label, String prefix, String serviceUrl, String tokenSecret, List<HasMetadata> objects) {
    }

    /** The service chart with its defaults, and with a production-like override (other names, image, replicas). */
    static List<ServiceRender> serviceRenders() {
        return List.of(
                new ServiceRender("defaults", "scope", "scope:" + Charts.appVersion(Charts.SERVICE), "ClusterIP",
                        Manifests.parse(Charts.service(null, Map.of()))),
                new ServiceRender("override", "saas", "registry.example.com/scope:1.2.3", "LoadBalancer",
                        Manifests.parse(Charts.service(OVERRIDES.resolve("service-override.yaml"), Map.of()))));
    }

    record ServiceRender(String label, String prefix, String image, String gatewayServiceType, List<HasMetadata> objects) {
        @Override
        public String toString() {
            return label;
        }
    }

    @ParameterizedTest
    @MethodSource("serviceRenders")
    void serviceRendersEveryComponentWithProbesResourcesPdbAndHpa(ServiceRender render) {
        List<HasMetadata> objects = render.objects();
        for (String component : SERVICE_COMPONENTS) {
            String name = render.prefix() + "-" + component;
            Deployment d = find(objects, Deployment.class, name);
            assertThat(d.getMetadata().getNamespace()).isEqualTo(Charts.SERVICE_NAMESPACE);
            Container c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(c.getImage()).isEqualTo(render.image());
            assertThat(c.getArgs()).containsExactly("service", component);
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
            assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).containsKey("memory");
            Map<String, String> env = env(c);
            assertThat(env).containsKeys("SCOPE_LISTEN", "SCOPE_DB_USER", "SCOPE_DB_PASSWORD");
            assertThat(c.getEnvFrom()).anyMatch(e -> e.getConfigMapRef() != null
                    && objects.stream().anyMatch(o -> o instanceof ConfigMap cm && cm.getMetadata().getName().equals(e.getConfigMapRef().getName())));
            assertThat(objects).anyMatch(o -> o instanceof ServiceAccount sa
                    && sa.getMetadata().getName().equals(d.getSpec().getTemplate().getSpec().getServiceAccountName()));
            int port = c.getPorts().getFirst().getContainerPort();
            assertThat(env.get("SCOPE_LISTEN")).isEqualTo("0.0.0.0:" + port);
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());

            Service s = find(objects, Service.class, name);
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(s.getSpec().getSelector());
            PodDisruptionBudget pdb = find(objects, PodDisruptionBudget.class, name);
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            HorizontalPodAutoscaler hpa = find(objects, HorizontalPodAutoscaler.class, name);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMetrics().getFirst().getResource().getName()).isEqualTo("cpu");
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(d.getSpec().getReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());

            // Backends let in only the gateway, their own peers and Prometheus, on their port; the gateway has no policy.
            List<NetworkPolicy> policies = ofType(objects, NetworkPolicy.class).stream()
                    .filter(p -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(p.getSpec().getPodSelector().getMatchLabels().entrySet()))
                    .toList();
            if (component.equals("gateway")) {
                assertThat(policies).isEmpty();
            } else {
                assertThat(policies).hasSize(1);
                var ingress = policies.getFirst().getSpec().getIngress().getFirst();
                assertThat(ingress.getPorts().getFirst().getPort().getIntVal()).isEqualTo(port);
                var from = ingress.getFrom().getFirst().getPodSelector();
                assertThat(from.getMatchExpressions().getFirst().getValues()).containsExactly("gateway", component);
                assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(from.getMatchLabels());
            }
        }
        assertThat(find(objects, Service.class, render.prefix() + "-gateway").getSpec().getType()).isEqualTo(render.gatewayServiceType());
        // The gateway reaches every backend through its Service.
        Map<String, String> gateway = env(find(objects, Deployment.class, render.prefix() + "-gateway").getSpec().getTemplate().getSpec().getContainers().getFirst());
        for (String backend : List.of("users", "collection", "query", "control", "pipe")) {
            Service s = find(objects, Service.class, render.prefix() + "-" + backend);
            assertThat(gateway.get("SCOPE_" + backend.toUpperCase() + "_URL"))
                    .isEqualTo("http://" + render.prefix() + "-" + backend + ":" + s.getSpec().getPorts().getFirst().getPort());
        }
        assertThat(env(find(objects, Deployment.class, render.prefix() + "-users").getSpec().getTemplate().getSpec().getContainers().getFirst()))
                .containsKeys("SCOPE_PUBLIC_URL", "SCOPE_SMTP_HOST", "SCOPE_SMTP_PORT");
        for (String replicated : List.of("control", "pipe")) {
            assertThat(env(find(objects, Deployment.class, render.prefix() + "-" + replicated).getSpec().getTemplate().getSpec().getContainers().getFirst()))
                    .containsKeys("POD_IP", "SCOPE_ADVERTISE_URL");
        }
    }

    @Test
    void overriddenValuesReachTheObjects() {
        List<HasMetadata> objects = serviceRenders().getLast().objects();
        Deployment collection = find(objects, Deployment.class, "saas-collection");
        assertThat(collection.getSpec().getReplicas()).isEqualTo(6);
        assertThat(find(objects, HorizontalPodAutoscaler.class, "saas-collection").getSpec().getMaxReplicas()).isEqualTo(30);
        Container c = collection.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("2");
        assertThat(c.getResources().getLimits().get("memory").toString()).isEqualTo("4Gi");
        assertThat(c.getImagePullPolicy()).isEqualTo("Always");
        assertThat(env(c)).containsKey("SCOPE_OPS_TOKEN");
        assertThat(c.getEnv()).filteredOn(e -> e.getName().equals("SCOPE_DB_PASSWORD")).first()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("prod-db"));
        // Values not overridden keep their defaults.
        assertThat(find(objects, Deployment.class, "saas-users").getSpec().getReplicas()).isEqualTo(2);
        assertThat(env(find(objects, Deployment.class, "saas-query").getSpec().getTemplate().getSpec().getContainers().getFirst()))
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
        assertThat(env(find(objects, Deployment.class, "saas-users").getSpec().getTemplate().getSpec().getContainers().getFirst()))
                .containsEntry("SCOPE_SMTP_PORT", "2525").containsEntry("SCOPE_SMTP_STARTTLS", "true").containsKeys("SCOPE_SMTP_USER", "SCOPE_SMTP_PASSWORD");
        assertThat(find(objects, ConfigMap.class, "saas-service").getData())
                .containsEntry("SCOPE_DB_URL", "jdbc:postgresql://db.prod.internal:5432/scope?sslmode=require")
                .containsEntry("SCOPE_DB_POOL_SIZE", "25");
        assertThat(find(objects, NetworkPolicy.class, "saas-query").getSpec().getIngress().getFirst().getFrom().get(1)
                .getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "observability");
    }

    @Test
    void servicePodsMeetTheRestrictedPodSecurityStandard() throws Exception {
        assertThat(ofType(Manifests.parse(Charts.service(null, Map.of())), Namespace.class))
                .as("helm install --create-namespace owns no Namespace object").isEmpty();
        List<HasMetadata> objects = Manifests.parse(Charts.service(null, Map.of("namespace.create", "true")));
        Namespace namespace = ofType(objects, Namespace.class).getFirst();
        assertThat(namespace.getMetadata().getName()).isEqualTo(Charts.SERVICE_NAMESPACE);
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (ServiceRender render : serviceRenders()) {
            for (Deployment d : ofType(render.objects(), Deployment.class)) {
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
    }

    @Test
    void serviceComponentsRunRealCommands() throws Exception {
        assumeTrue(ScopeCli.hasCommand("service"), "the cli has no `scope service` command yet (issue 7): not checked");
        List<HasMetadata> objects = Manifests.parse(Charts.service(null, Map.of()));
        for (String component : SERVICE_COMPONENTS) {
            Container c = find(objects, Deployment.class, "scope-" + component).getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(ScopeCli.command(c.getArgs())).isEqualTo(component);
        }
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

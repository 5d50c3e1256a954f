package dev.scope.probe.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scope.probe.ControlRegistry;
import dev.scope.probe.ProbeConfig;
import dev.scope.probe.ProbeContext;
import dev.scope.probe.ReporterRegistry;
import dev.scope.probe.process.ProcessSnapshot;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label selectors, the service network, node ids and when the module switches itself on. */
class SelectorsAndConfigTest {
    @Test
    void labelSelectorsFollowKubernetesRules() {
        Map<String, String> labels = Map.of("app", "web", "tier", "front");
        assertThat(LabelSelectors.matches(null, labels)).isFalse();
        assertThat(LabelSelectors.matches(new LabelSelector(), labels)).isTrue();
        assertThat(LabelSelectors.matches(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web")).build(), labels)).isTrue();
        assertThat(LabelSelectors.matches(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "db")).build(), labels)).isFalse();
        assertThat(LabelSelectors.matches(expression("tier", "In", "front", "back"), labels)).isTrue();
        assertThat(LabelSelectors.matches(expression("tier", "NotIn", "front"), labels)).isFalse();
        assertThat(LabelSelectors.matches(expression("env", "NotIn", "prod"), labels)).isTrue();
        assertThat(LabelSelectors.matches(expression("app", "Exists"), labels)).isTrue();
        assertThat(LabelSelectors.matches(expression("env", "DoesNotExist"), labels)).isTrue();
        assertThat(LabelSelectors.matches(expression("app", "Gt", "1"), labels)).isFalse();
        assertThat(LabelSelectors.matchesService(Map.of(), labels)).isFalse();
        assertThat(LabelSelectors.matchesService(null, labels)).isFalse();
        assertThat(LabelSelectors.matchesService(Map.of("app", "web"), labels)).isTrue();
        assertThat(LabelSelectors.matchesService(Map.of("app", "web"), null)).isFalse();
    }

    private static LabelSelector expression(String key, String operator, String... values) {
        return new LabelSelectorBuilder().addNewMatchExpression().withKey(key).withOperator(operator).withValues(values)
                .endMatchExpression().build();
    }

    @Test
    void theServiceNetworkIsTheSmallestHoldingEveryServiceIp() {
        assertThat(ServiceNetwork.containing(List.of("10.96.0.1"))).isEqualTo("10.96.0.1/32");
        assertThat(ServiceNetwork.containing(List.of("10.96.0.1", "10.96.0.10"))).isEqualTo("10.96.0.0/28");
        assertThat(ServiceNetwork.containing(List.of("10.96.0.1", "10.97.255.3", "None", ""))).isEqualTo("10.96.0.0/15");
        assertThat(ServiceNetwork.containing(List.of("1.2.3.4", "200.0.0.1"))).isEqualTo("0.0.0.0/0");
        assertThat(ServiceNetwork.containing(List.of("None", "fd00::1", "1.2.3.256"))).isNull();
        assertThat(ServiceNetwork.containing(List.of())).isNull();
    }

    @Test
    void nodeIdsAreWeaveScopes() {
        assertThat(KubernetesKeys.nodeId("u1", "pod")).isEqualTo("u1;<pod>");
        assertThat(KubernetesKeys.tagOf("u1;<persistent_volume_claim>")).isEqualTo("persistent_volume_claim");
        assertThat(KubernetesKeys.idOf("u1;<pod>", "pod")).isEqualTo("u1");
        assertThat(KubernetesKeys.idOf("u1;<pod>", "service")).isNull();
        assertThat(KubernetesKeys.idOf(";<pod>", "pod")).isNull();
        assertThat(KubernetesKeys.tagOf("nonsense")).isNull();
        assertThat(KubernetesKeys.tagOf(";<>")).isNull();
        assertThat(KubernetesKeys.tagOf(null)).isNull();
    }

    @Test
    void onlyInAClusterOrWhenAskedAndWithAKnownRole() {
        assertThat(KubernetesConfig.fromEnvironment(Map.of(), "p", "h")).isEmpty();
        assertThat(KubernetesConfig.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "SCOPE_KUBERNETES", "false"), "p", "h")).isEmpty();
        KubernetesConfig inPod = KubernetesConfig.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1",
                "KUBERNETES_NODENAME", "node-7", "SCOPE_KUBERNETES_ROLE", "host"), "p", "h").orElseThrow();
        assertThat(inPod).isEqualTo(new KubernetesConfig(KubernetesConfig.Role.HOST, "node-7", "p", "h"));
        KubernetesConfig asked = KubernetesConfig.fromEnvironment(Map.of("SCOPE_KUBERNETES", "true",
                "SCOPE_KUBERNETES_NODE_NAME", "n1", "KUBERNETES_NODENAME", "n2"), "p", "h").orElseThrow();
        assertThat(asked.role()).isEqualTo(KubernetesConfig.Role.ALL);
        assertThat(asked.nodeName()).isEqualTo("n1");
        assertThatThrownBy(() -> KubernetesConfig.fromEnvironment(Map.of("SCOPE_KUBERNETES", "true", "SCOPE_KUBERNETES_ROLE", "boss"), "p", "h"))
                .hasMessageContaining("host, cluster or empty");
    }

    @Test
    void outsideAClusterTheModuleAddsNothing() {
        // Skipped silently where the test itself runs in a pod: there the module would (rightly) switch on.
        if (System.getenv("KUBERNETES_SERVICE_HOST") != null || System.getenv("SCOPE_KUBERNETES") != null) return;
        ReporterRegistry registry = new ReporterRegistry();
        ControlRegistry controls = new ControlRegistry(false);
        try (KubernetesModule module = new KubernetesModule()) {
            module.install(new ProbeContext("p", "h", "h;<host>", ProbeConfig.defaults(List.of()), registry, controls,
                    r -> { }, appId -> { throw new AssertionError("no pipes"); }, () -> ProcessSnapshot.EMPTY));
            assertThat(module.synced()).isFalse();
        }
        assertThat(registry.reporters()).isEmpty();
        assertThat(registry.taggers()).isEmpty();
        assertThat(controls.controlIds()).isEmpty();
    }
}

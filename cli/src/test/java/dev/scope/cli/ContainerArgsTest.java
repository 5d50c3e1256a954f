package dev.scope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerArgsTest {
    @Test
    void dropsContainerOptionsAndKeepsTheRest() {
        ContainerArgs a = ContainerArgs.from(List.of("--container", "--image", "scope:x", "--docker-host=unix:///s",
                "--no-privileged", "--container-name", "n", "--listen", "127.0.0.1:4041", "--probe.no-controls", "peer:4040"));
        assertThat(a.args()).containsExactly("launch", "--listen", "127.0.0.1:4041", "--probe.no-controls", "peer:4040");
        assertThat(a.env()).isEmpty();
    }

    @Test
    void movesSecretsFromArgumentsToTheEnvironment() {
        ContainerArgs a = ContainerArgs.from(List.of("--token", "app-secret", "--service-token=probe-secret", "--debug"));
        assertThat(a.args()).containsExactly("launch", "--debug");
        assertThat(a.env()).isEqualTo(Map.of("SCOPE_TOKEN", "app-secret", "SCOPE_PROBE_TOKEN", "probe-secret"));
        assertThat(String.join(" ", a.args())).doesNotContain("secret");
    }

    @Test
    void aSecretWithoutValueIsAnError() {
        assertThatThrownBy(() -> ContainerArgs.from(List.of("--token"))).hasMessageContaining("--token needs a value");
    }
}

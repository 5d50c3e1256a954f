package dev.scope.report.model;

import dev.scope.report.Metric;
import dev.scope.report.Node;
import dev.scope.report.StringSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeTest {
    private static final String HOST = "vm;<host>";

    @Test
    void theBuilderMergesRepeatedCallsIntoWhatIsThere() {
        Node n = Node.builder("vm;15943", "process")
                .latest("name", "sleep", 2)
                .latest("name", "older", 1)
                .set("ips", "10.0.0.1")
                .set("ips", "10.0.0.2")
                .parent("host", HOST)
                .parent("container", "c1;<container>")
                .adjacent("a")
                .adjacent("b", "a")
                .build();
        assertThat(n.latestValue("name")).isEqualTo("sleep");
        assertThat(n.set("ips")).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(n.parentIds("host")).containsExactly(HOST);
        assertThat(n.parents().size()).isEqualTo(2);
        assertThat(n.adjacency()).containsExactly("a", "b");
    }

    @Test
    void putLatestOverwritesEvenWithAnOlderTime() {
        Node n = Node.builder("id", "host").latest("uptime", "8042", 5).putLatest("uptime", "8039", 1).build();
        assertThat(n.latestValue("uptime")).isEqualTo("8039");
    }

    @Test
    void missingKeysReadAsEmptyOrNull() {
        Node n = Node.of("id", "host");
        assertThat(n.latestValue("os")).isNull();
        assertThat(n.set("local_networks")).isSameAs(StringSet.EMPTY);
        assertThat(n.parentIds("host")).isSameAs(StringSet.EMPTY);
    }

    @Test
    void mergeTakesTheNewestLatestValuesAndUnitesEverythingElse() {
        Node older = Node.builder("c;<container>", "container")
                .latest("docker_container_state", "running", 10)
                .latest("docker_container_name", "web", 10)
                .set("docker_container_ips", "10.199.5.3")
                .metric("docker_cpu_total_usage", Metric.single(10, 1.5, 0, 100))
                .build();
        Node newer = Node.builder("c;<container>", "container")
                .latest("docker_container_state", "paused", 20)
                .set("docker_container_ips", "10.199.5.4")
                .metric("docker_cpu_total_usage", Metric.single(20, 0, 0, 100))
                .parent("host", HOST)
                .build();
        Node merged = older.merge(newer);
        assertThat(merged.latestValue("docker_container_state")).isEqualTo("paused");
        assertThat(merged.latestValue("docker_container_name")).isEqualTo("web");
        assertThat(merged.set("docker_container_ips")).containsExactly("10.199.5.3", "10.199.5.4");
        assertThat(merged.metrics().get("docker_cpu_total_usage").size()).isEqualTo(2);
        assertThat(merged.parentIds("host")).containsExactly(HOST);
        assertThat(newer.merge(older)).isEqualTo(merged);
    }

    @Test
    void anEmptyIdOrTopologyTakesTheOthers() {
        Node known = Node.builder("vm;1", "process").latest("pid", "1", 1).build();
        assertThat(Node.of("", "").merge(known)).isEqualTo(known);
        assertThat(known.merge(Node.of("", ""))).isEqualTo(known);
    }

    @Test
    void refusesToMergeNodesOfDifferentTopologies() {
        assertThatThrownBy(() -> Node.of("x", "process").merge(Node.of("x", "container")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("process").hasMessageContaining("container");
    }

    @Test
    void rejectsMissingParts() {
        assertThatThrownBy(() -> Node.of(null, "host")).isInstanceOf(NullPointerException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> Node.of("x", "host").withAdjacency(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withersChangeOnePartOnly() {
        Node n = Node.builder("a", "endpoint").latest("pid", "7", 1).build();
        Node moved = n.withId("b").withTopology("process");
        assertThat(moved.id()).isEqualTo("b");
        assertThat(moved.topology()).isEqualTo("process");
        assertThat(moved.latest()).isEqualTo(n.latest());
        assertThat(n.toBuilder().adjacent("z").build().adjacency()).containsExactly("z");
    }
}

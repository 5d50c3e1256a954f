package dev.scope.report.model;

import dev.scope.report.Control;
import dev.scope.report.Node;
import dev.scope.report.StringMap;
import dev.scope.report.Topology;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyTest {

    @Test
    void mergeKeepsTheShapeAndLabelsOfWhicheverHasThem() {
        Topology described = Topology.described("hexagon", "container", "containers");
        Topology fragment = Topology.EMPTY.withNode(Node.of("c;<container>", "container"));
        Topology merged = fragment.merge(described);
        assertThat(merged.shape()).isEqualTo("hexagon");
        assertThat(merged.labelPlural()).isEqualTo("containers");
        assertThat(merged.nodes().contains("c;<container>")).isTrue();
        assertThat(described.merge(fragment)).isEqualTo(merged);
    }

    @Test
    void onlyATopologyWithNothingInItIsEmpty() {
        assertThat(Topology.EMPTY.isEmpty()).isTrue();
        assertThat(Topology.EMPTY.withTag("camera").isEmpty()).isFalse();
        assertThat(Topology.described("circle", "host", "hosts").isEmpty()).isFalse();
    }

    @Test
    void mergeUnitesControlsByIdAndMergesNodesById() {
        Control exec = new Control("host_exec", "Exec shell", "fa fa-terminal", null, 0);
        Topology a = Topology.described("circle", "host", "hosts").withControls(StringMap.of("host_exec", exec))
                .withNode(Node.builder("vm;<host>", "host").latest("os", "linux", 1).build());
        Topology b = Topology.EMPTY.withNode(Node.builder("vm;<host>", "host").latest("uptime", "8039", 1).build());
        Topology merged = a.merge(b);
        assertThat(merged.controls().get("host_exec")).isEqualTo(exec);
        assertThat(merged.nodes().get("vm;<host>").latest().size()).isEqualTo(2);
        assertThat(exec.confirmation()).as("null text parts become empty").isEmpty();
    }
}

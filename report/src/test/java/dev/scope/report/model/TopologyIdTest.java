package dev.scope.report.model;

import dev.scope.report.TopologyId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyIdTest {

    @Test
    void thereAreTheTwentyThreeTopologiesOfWeaveScope1_13InItsOrder() {
        assertThat(TopologyId.all()).hasSize(23);
        assertThat(TopologyId.all()[0]).isEqualTo(TopologyId.ENDPOINT);
        assertThat(TopologyId.all()[22]).isEqualTo(TopologyId.JOB);
    }

    @Test
    void everyTopologyIsFoundByItsFieldAndByItsName() {
        for (TopologyId t : TopologyId.all()) {
            assertThat(TopologyId.byField(t.field)).isEqualTo(t);
            assertThat(TopologyId.byName(t.name)).isEqualTo(t);
        }
        assertThat(TopologyId.byField("ContainerImage")).isEqualTo(TopologyId.CONTAINER_IMAGE);
        assertThat(TopologyId.byName("container_image")).isEqualTo(TopologyId.CONTAINER_IMAGE);
        assertThat(TopologyId.byField("container_image")).isNull();
        assertThat(TopologyId.byName("Nope")).isNull();
    }

    @Test
    void allReturnsACopyCallersMayChange() {
        TopologyId[] mine = TopologyId.all();
        mine[0] = TopologyId.JOB;
        assertThat(TopologyId.all()[0]).isEqualTo(TopologyId.ENDPOINT);
    }
}
